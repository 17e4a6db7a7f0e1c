//! The picklists of a case record, aligned with HTCDS 2.0 system names.
//!
//! Each list says where it differs from HTCDS and why; `docs/data-model.md` has the
//! whole mapping.

use crate::picklist::picklist;

picklist! {
    /// Where a case stands (HTCDS `cas_Status`).
    CaseStatus, "case status" {
        Active => "Active";
        FollowUp => "Follow-up";
        Closed => "Closed";
        ClosedReferred => "Closed (referred)";
    }
}

picklist! {
    /// Kind of organisation (HTCDS `org_Type`, plus three kinds that run Concord nodes
    /// and that HTCDS has no value for: prosecution, labour inspection, international
    /// organisations).
    #[allow(clippy::upper_case_acronyms)]
    OrganisationType, "organisation type" {
        NGO => "Non-governmental organisation";
        LawEnforcement => "Law enforcement";
        ProsecutionService => "Prosecution service";
        LabourInspectorate => "Labour inspectorate";
        InternationalOrganisation => "International organisation (IOM, UN)";
        HealthServiceOrganisation => "Health service";
        CentralGovernmentOrganisation => "Central government";
        LocalGovernmentOrganisation => "Local government";
        ImmigrationService => "Immigration service";
        LegalService => "Legal service";
        CorporateBusiness => "Business";
        SchoolOrCollege => "School or college";
    }
}

picklist! {
    /// Form of exploitation (HTCDS `vic_TypeOfExploitation`, plus forced criminality,
    /// which HTCDS lacks: see HTCDS issue #28 on scam compounds).
    ExploitationType, "exploitation type" {
        ForcedLabour => "Forced labour";
        SexualExploitation => "Sexual exploitation";
        ForcedMarriage => "Forced marriage";
        ForcedCriminality => "Forced criminality";
        ForcedBegging => "Forced begging";
        /// Wider than HTCDS `ForcedMilitaryByNonStateActors`: state forces recruit too.
        ArmedForcesOrGroups => "Recruitment or use by armed forces or armed groups",
            alias "ForcedMilitaryByNonStateActors";
        OrganRemoval => "Organ removal";
        ChildLabour => "Child labour";
        Servitude => "Servitude";
        ForcedAdoption => "Forced adoption";
        Surrogacy => "Surrogacy";
        Other => "Other";
    }
}

picklist! {
    /// Sector of forced labour: ISIC Rev.4 sections (HTCDS `vic_ForcedLabourIndustry`).
    /// The variant names are the HTCDS system names, section letter first.
    #[allow(non_camel_case_types)]
    LabourSector, "forced labour sector (ISIC Rev.4 section)" {
        A_AgricultureForestryAndFishing => "Agriculture, forestry and fishing";
        B_MiningAndQuarrying => "Mining and quarrying";
        C_Manufacturing => "Manufacturing";
        D_ElectricityGasSteamAndAirConditioningSupply => "Electricity, gas, steam";
        E_WaterSupplySewerageWasteManagement => "Water supply, sewerage, waste";
        F_Construction => "Construction";
        G_WholesaleAndRetailTradeRepairOfMotorVehicles => "Wholesale and retail trade";
        H_TransportationAndStorage => "Transportation and storage";
        I_AccommodationAndFoodServiceActivities => "Accommodation and food service";
        J_InformationAndCommunication => "Information and communication";
        K_FinancialAndInsuranceActivities => "Financial and insurance";
        L_RealEstateActivities => "Real estate";
        M_ProfessionalScientificAndTechnicalActivities => "Professional, scientific, technical";
        N_AdministrativeAndSupportServiceActivities => "Administrative and support services";
        O_PublicAdministrationAndDefence => "Public administration and defence";
        P_Education => "Education";
        Q_HumanHealthAndSocialWorkActivities => "Health and social work";
        R_ArtsEntertainmentAndRecreation => "Arts, entertainment, recreation";
        S_OtherServiceActivities => "Other service activities";
        T_ActivitiesOfHouseholdsAsEmployers => "Households as employers (domestic work)";
        U_ActivitiesOfExtraterritorialOrganizations => "Extraterritorial organisations";
    }
}

picklist! {
    /// Form of sexual exploitation (HTCDS `vic_TypeOfSexExploitation`).
    SexExploitationForm, "form of sexual exploitation" {
        Prostitution => "Prostitution";
        Pornography => "Pornography";
        RemoteInteractiveServices => "Remote interactive services";
        PrivateSexualServices => "Private sexual services";
    }
}

picklist! {
    /// How the victim knew the recruiter (HTCDS `vic_RelationshipToTrafficker`, plus
    /// intimate partner, which CTDC records separately and which matters for "lover boy"
    /// recruitment).
    RecruiterRelation, "relation to recruiter" {
        Familial => "Family member";
        IntimatePartner => "Intimate partner";
        Acquainted => "Acquaintance";
        /// HTCDS spells this `Unaquainted`; accepted on input.
        Unacquainted => "Stranger", alias "Unaquainted";
    }
}

picklist! {
    /// How the victim was recruited (HTCDS `vic_MethodOfRecruitment`, plus abduction,
    /// which CTDC records as `isAbduction`).
    RecruitmentMethod, "method of recruitment" {
        AtAPlaceOfBusiness => "At a place of business";
        AtAnEducationalInstitution => "At an educational institution";
        AtWork => "At work";
        ThroughOnlineSocialNetworks => "Through online social networks";
        ThroughAnOnlineAdvertisement => "Through an online advertisement";
        ThroughATelevisionAdvert => "Through a television advert";
        ThroughANewspaperAdvert => "Through a newspaper advert";
        ThroughFamilyOrFamilyEvents => "Through family or family events";
        ThroughFriendsOrSocialEvents => "Through friends or social events";
        Abduction => "Abduction";
        Other => "Other";
    }
}

picklist! {
    /// Means used to control the victim (HTCDS `vic_MethodsOfControl`, plus restriction
    /// of movement, which CTDC and the ILO indicators both record).
    MeansOfControl, "means of control" {
        PhysicalThreats => "Threats of physical harm";
        ThreatsLawEnforcement => "Threats of law enforcement";
        ThreatensChildrenFamily => "Threatens children or family";
        DebtBondage => "Debt bondage";
        FalsePromises => "False promises";
        PhysicalAbuse => "Physical abuse";
        SexualAbuse => "Sexual abuse";
        TakesEarnings => "Takes earnings";
        RestrictsFinancialAccess => "Restricts financial access";
        RestrictsMedicalCare => "Restricts medical care";
        RestrictsMovement => "Restricts movement";
        WithholdsNecessities => "Withholds necessities";
        PsychologicalAbuse => "Psychological abuse";
        PsychoactiveSubstance => "Psychoactive substances";
        ExcessiveWorkingHours => "Excessive working hours";
        WithholdsDocuments => "Withholds documents";
        Other => "Other";
    }
}

picklist! {
    /// The ILO indicators of forced labour (ILO SAP-FL, 2012) observed in a case.
    Indicator, "indicator" {
        AbuseOfVulnerability => "Abuse of vulnerability";
        Deception => "Deception";
        RestrictionOfMovement => "Restriction of movement";
        Isolation => "Isolation";
        PhysicalAndSexualViolence => "Physical and sexual violence";
        IntimidationAndThreats => "Intimidation and threats";
        RetentionOfIdentityDocuments => "Retention of identity documents";
        WithholdingOfWages => "Withholding of wages";
        DebtBondage => "Debt bondage";
        AbusiveWorkingAndLivingConditions => "Abusive working and living conditions";
        ExcessiveOvertime => "Excessive overtime";
    }
}

picklist! {
    /// The part a route leg plays. HTCDS `hte_Type` calls these Recruitment, Transit,
    /// Exploitation; those names are accepted on input as aliases of Origin, Transit,
    /// Destination.
    LegRole, "route leg role" {
        Origin => "Origin", alias "Recruitment";
        Transit => "Transit";
        Destination => "Destination", alias "Exploitation";
    }
}

picklist! {
    /// How widely a case may be shared: the FIRST Traffic Light Protocol 2.0 levels,
    /// which partner organisations already use for handling codes. HTCDS has no field.
    Sensitivity, "sensitivity (TLP 2.0)" {
        Clear => "TLP:CLEAR";
        Green => "TLP:GREEN";
        Amber => "TLP:AMBER";
        AmberStrict => "TLP:AMBER+STRICT";
        Red => "TLP:RED";
    }
}

picklist! {
    /// The part a person plays in a case. HTCDS splits persons into victim and
    /// perpetrator contexts; Concord needs missing persons and witnesses too.
    PersonRole, "person role" {
        Victim => "Victim";
        PresumedVictim => "Presumed victim";
        Suspect => "Suspect";
        MissingPerson => "Missing person (reported by family)";
        Witness => "Witness";
    }
}

picklist! {
    /// Gender as HTCDS 2.0 records it (`prs_Gender`, the IOM standard), with the older
    /// HTCDS and CTDC spellings accepted on input.
    Gender, "gender" {
        Feminine => "Female", alias "Female", alias "Woman";
        Masculine => "Male", alias "Male", alias "Man";
        TransgenderFeminine => "Transgender (feminine)";
        TransgenderMasculine => "Transgender (masculine)";
        NonConforming => "Non-conforming", alias "Transgender/NonConforming", alias "Trans/Transgender/NonConforming";
        NonSpecifiedUnknown => "Not specified / unknown", alias "Unknown", alias "";
    }
}

picklist! {
    /// Kind of identity document. HTCDS has one free-text `prs_IdentityNumber`; Concord
    /// keeps several documents with kind and issuing country, because that is what
    /// border and police records hold and what exact lookups need.
    DocumentKind, "document kind" {
        Passport => "Passport";
        NationalId => "National identity card";
        ResidencePermit => "Residence permit";
        TravelDocument => "Travel document";
        BirthCertificate => "Birth certificate";
        DrivingLicence => "Driving licence";
        Other => "Other";
    }
}

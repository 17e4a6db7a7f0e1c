# Concord web UI — English (the reference catalog: every message the UI shows is here).

app-name = Concord
skip-to-content = Skip to content
nav-main = Main
nav-dashboard = Dashboard
nav-cases = Cases
nav-persons = Persons
nav-partners = Partners
nav-statistics = Statistics
nav-audit = Audit trail
nav-tokens = API tokens
signed-in-as = Signed in as { $user } ({ $role })
sign-out = Sign out
language = Language
footer-version = Concord { $version }

sign-in-title = Sign in
sign-in-username = Username
sign-in-password = Password
sign-in-submit = Sign in
sign-in-refused = Wrong username or password.
sign-in-locked = Too many failed attempts: this account is locked until { $until } (UTC). Ask an administrator if you cannot wait.
sign-in-throttled = Too many sign-in attempts from this computer. Wait a minute and try again.
sign-in-needed = Sign in to continue.
signed-out = You have signed out.

error-title = Something went wrong
error-forbidden-title = Not allowed
error-not-found-title = Not found
error-back = Back to the dashboard

dashboard-title = Dashboard
dashboard-welcome = Welcome, { $name }.
dashboard-no-statistics = Your role works with your unit's cases. Open the case list to start.
count-cases = Cases
count-persons = Persons
count-victims = Victims
chart-no-data = No data yet
chart-trend = Cases registered per year
chart-routes = Top routes (origin to destination)
chart-exploitation = Forms of exploitation
chart-citizenship = Citizenship of persons
chart-gender = Gender of persons
chart-age = Age bands of persons
chart-numbers = The numbers

cases-title = Cases
cases-new = New case
cases-filter = Filter
cases-clear = Clear filters
cases-search = Case reference contains
cases-none = No case matches these filters.
cases-count = { $total ->
    [one] One case
   *[other] { $total } cases
}
page-of = Page { $page } of { $pages }
page-previous = Previous page
page-next = Next page
any = Any

field-id = Reference
field-registered-on = Registered on
field-status = Status
field-sensitivity = Sensitivity
field-exploitation = Forms of exploitation
field-origin = Country of origin
field-transit = Country of transit
field-destination = Country of destination
field-narrative = Narrative
field-persons = Persons
field-unit = Unit
field-registered-from = Registered from
field-registered-to = Registered to
field-citizenship = Citizenship
field-route-country = Country on the route
field-role = Role
field-gender = Gender
field-age-band = Age band
field-given = Given name
field-family = Family name
field-birth-date = Date of birth
field-birth-date-hint = Year, year-month or full date: 1990, 1990-05, 1990-05-17
field-country-hint = Two-letter country code, e.g. UA, KZ, KR
field-documents = Identity documents
field-phones = Phone numbers
field-case = Case
field-reporting-org = Reporting organisation

case-title = Case { $id }
case-edit = Edit
case-new-title = New case
case-edit-title = Edit case { $id }
case-save = Save
case-cancel = Cancel
case-first-person = First person
case-errors = The case was not saved: { $count ->
    [one] one field needs attention.
   *[other] { $count } fields need attention.
}
case-saved = The case was saved.
case-no-persons = No person is recorded in this case.
case-identifying-notice = This page shows identifying data. Your view is recorded in the audit trail.

persons-title = Persons
persons-none = No person matches these filters.
person-title = Person { $id }

partners-title = Partners
partners-none = No partner yet. An administrator adds partners with `concord peer add`.
partner-node-id = Node ID
partner-country = Country
partner-added = Added
partner-sends = We may send
partner-receives = We accept
partner-pending = Pending
partner-delivered = Delivered
partner-rejected = Rejected
nothing = nothing

statistics-title = Statistics

audit-title = Audit trail
audit-event = Event
audit-actor = User
audit-when = When
audit-partner = Partner
audit-detail = Detail
audit-older = Older entries
audit-none = No entry matches.

tokens-title = API tokens
tokens-intro = A token lets a script call the node's API as you, with your role. Send it as `Authorization: Bearer …`. Revoke a token as soon as it is no longer needed.
tokens-name = What it is for
tokens-create = Make a token
tokens-created = Your new token is below. Copy it now: it is shown only this once.
tokens-revoke = Revoke
tokens-revoked = Revoked
tokens-none = You have no token.
tokens-last-used = Last used
tokens-created-at = Made
never = never

yes = Yes
no = No

## User roles, short, as the header shows them.
role-short-Administrator = administrator
role-short-LiaisonOfficer = liaison officer
role-short-Analyst = analyst
role-short-FieldOfficer = field officer

## Estimation (multiple systems estimation)
nav-estimate = Estimate
estimate-title = How many victims has nobody seen?
estimate-intro = Where several organisations' lists of identified victims overlap, the pattern of overlaps lets one estimate how many victims are on no list. Paste the capture histories: one column per list (1 on the list, 0 not), then the number of persons with that pattern. The method, and how to read the result: docs/estimation.md.
estimate-table = Capture histories (CSV)
estimate-table-hint = For example: a first line A,B,C,count, then 1,0,0,40 and so on. Patterns not listed count as 0.
estimate-criterion = Model selection
estimate-bootstrap = Bootstrap replicates (0 for none, 100 to 2000)
estimate-run = Estimate
estimate-result = Result
estimate-total = estimated in all
estimate-interval = 95% interval
estimate-observed = on at least one list
estimate-unseen = on no list (estimated)
estimate-bootstrap-interval = Bootstrap interval:
estimate-warnings = Read with care:
estimate-lists = Lists
estimate-models = Models considered (✓ the one chosen)
estimate-step = Step
estimate-terms = Interactions
estimate-deviance = Deviance
estimate-main-effects = main effects only
estimate-refused = Refused:

## Requests for mutual assistance
nav-requests = Requests
requests-title = Requests for assistance
requests-none = No request yet, either way.
requests-subject = Subject
requests-direction = Way
requests-outgoing = we asked
requests-incoming = we were asked
requests-type = Request
requests-basis = Legal basis
requests-urgency = Urgency
requests-deadline = Deadline
requests-reason = Reason for declining
requests-new = Send a request
requests-to = To the partner
requests-details = The request
requests-no-identifying-data = No names, dates of birth or document numbers: identifying data crosses the border only inside an answer a liaison officer approved.
requests-send = Send
requests-step-acknowledge = Acknowledge
requests-step-start = Start work
requests-step-answer = Mark answered
requests-step-decline = Decline
requests-step-withdraw = Withdraw

nav-hits = Hits
hits-title = Hits across the network
hits-none = No hit yet: no partner holds a person that matches one of ours, or no encodings were exchanged.
hits-explained = A hit is a person of this node whom a partner likely holds too: both sides compared keyed encodings, never names. Review each one; ask for assistance about a confirmed hit.
hits-epoch = Linkage key epoch
hits-key-check = Key check (the same on every member)
hits-encodings = Encodings: ours / partners'
hits-no-key = none yet
hits-number = Hit
hits-person = Our person
hits-score = Score
hits-found-by = Found by
hits-found-here = this node
hits-found-there = the partner
hits-status-new = New
hits-status-confirmed = Confirmed
hits-status-rejected = Rejected
hits-confirm = Confirm
hits-reject = Reject: a different person
hits-ask = Ask for assistance
requests-about-hit = About hit
requests-answer = Answer
requests-disclose = Disclose the identifying data of our person { $person } to the partner (I approve)
requests-disclosed = Identifying data disclosed
## Alerts
nav-alerts = Alerts
alerts-title = Alerts
alerts-in-force = In force
alerts-past = Expired or cancelled
alerts-none = No alert.
alerts-subject = Subject
alerts-type = Alert
alerts-issuer = From
alerts-ours = us
alerts-area = Area
alerts-expires = Expires (UTC)
alerts-revision = revision { $revision }
alerts-acknowledgements = Acknowledged
alerts-acked-count = { $acked } of { $total } partners, latest revision
alerts-acked-revision = acknowledged revision { $revision }
alerts-not-acknowledged = not yet
alerts-we-acknowledged = acknowledged by us
alerts-acknowledge = Acknowledge
alerts-cancel = Cancel the alert
alerts-new = Issue an alert
alerts-recipients = { $count ->
    [0] No partner's agreement allows alerts yet: an alert issued now stays on this node.
    [one] It goes to the one partner whose agreement allows alerts.
   *[other] It goes to the { $count } partners whose agreement allows alerts.
}
alerts-details = The alert
alerts-sealed = An alert may describe a person; every node that holds it keeps it encrypted.
alerts-expires-hint = In the future, at most 90 days ahead; the time is UTC.
alerts-issue = Issue
requests-about-case = About our case
requests-ask-about-case = Ask a partner about this case

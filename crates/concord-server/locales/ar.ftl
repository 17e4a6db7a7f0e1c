# واجهة Concord — العربية

app-name = Concord
skip-to-content = انتقل إلى المحتوى
nav-main = القائمة الرئيسية
nav-dashboard = لوحة المعلومات
nav-cases = القضايا
nav-persons = الأشخاص
nav-partners = الشركاء
nav-statistics = الإحصاءات
nav-audit = سجل التدقيق
nav-tokens = رموز الواجهة البرمجية
signed-in-as = تم تسجيل الدخول باسم { $user } ({ $role })
sign-out = تسجيل الخروج
language = اللغة
footer-version = Concord { $version }

sign-in-title = تسجيل الدخول
sign-in-username = اسم المستخدم
sign-in-password = كلمة المرور
sign-in-submit = دخول
sign-in-refused = اسم المستخدم أو كلمة المرور غير صحيحة.
sign-in-locked = محاولات فاشلة كثيرة: هذا الحساب مقفل حتى { $until } (بالتوقيت العالمي). اطلب المساعدة من المسؤول إن لم تستطع الانتظار.
sign-in-throttled = محاولات دخول كثيرة من هذا الحاسوب. انتظر دقيقة ثم حاول مرة أخرى.
sign-in-needed = سجّل الدخول للمتابعة.
signed-out = تم تسجيل خروجك.

error-title = حدث خطأ
error-forbidden-title = غير مسموح
error-not-found-title = غير موجود
error-back = العودة إلى لوحة المعلومات

dashboard-title = لوحة المعلومات
dashboard-welcome = مرحباً، { $name }.
dashboard-no-statistics = يعمل دورك على قضايا وحدتك. افتح قائمة القضايا للبدء.
count-cases = القضايا
count-persons = الأشخاص
count-victims = الضحايا
chart-no-data = لا توجد بيانات بعد
chart-trend = القضايا المسجلة في كل سنة
chart-routes = أهم المسارات (من المنشأ إلى الوجهة)
chart-exploitation = أشكال الاستغلال
chart-citizenship = جنسية الأشخاص
chart-gender = جنس الأشخاص
chart-age = الفئات العمرية للأشخاص
chart-numbers = الأرقام

cases-title = القضايا
cases-new = قضية جديدة
cases-filter = تصفية
cases-clear = مسح عوامل التصفية
cases-search = مرجع القضية يحتوي على
cases-none = لا توجد قضية مطابقة لعوامل التصفية هذه.
cases-count = { $total ->
    [zero] لا توجد قضايا
    [one] قضية واحدة
    [two] قضيتان
    [few] { $total } قضايا
   *[other] { $total } قضية
}
page-of = الصفحة { $page } من { $pages }
page-previous = الصفحة السابقة
page-next = الصفحة التالية
any = الكل

field-id = المرجع
field-registered-on = تاريخ التسجيل
field-status = الحالة
field-sensitivity = درجة الحساسية
field-exploitation = أشكال الاستغلال
field-origin = بلد المنشأ
field-transit = بلد العبور
field-destination = بلد الوجهة
field-narrative = السرد
field-persons = الأشخاص
field-unit = الوحدة
field-registered-from = مسجلة من
field-registered-to = مسجلة حتى
field-citizenship = الجنسية
field-route-country = بلد على المسار
field-role = الدور
field-gender = الجنس
field-age-band = الفئة العمرية
field-given = الاسم الأول
field-family = اسم العائلة
field-birth-date = تاريخ الميلاد
field-birth-date-hint = سنة، أو سنة وشهر، أو تاريخ كامل: 1990، 1990-05، 1990-05-17
field-country-hint = رمز البلد من حرفين، مثل UA أو KZ أو KR
field-documents = وثائق الهوية
field-phones = أرقام الهاتف
field-case = القضية
field-reporting-org = الجهة المبلّغة

case-title = القضية { $id }
case-edit = تعديل
case-new-title = قضية جديدة
case-edit-title = تعديل القضية { $id }
case-save = حفظ
case-cancel = إلغاء
case-first-person = الشخص الأول
case-errors = لم تُحفظ القضية: { $count ->
    [one] حقل واحد يحتاج إلى تصحيح.
    [two] حقلان يحتاجان إلى تصحيح.
   *[other] { $count } حقول تحتاج إلى تصحيح.
}
case-saved = تم حفظ القضية.
case-no-persons = لا يوجد شخص مسجل في هذه القضية.
case-identifying-notice = تعرض هذه الصفحة بيانات تعريفية. يُسجَّل اطلاعك عليها في سجل التدقيق.

persons-title = الأشخاص
persons-none = لا يوجد شخص مطابق لعوامل التصفية هذه.
person-title = الشخص { $id }

partners-title = الشركاء
partners-none = لا يوجد شركاء بعد. يضيف المسؤول الشركاء بالأمر `concord peer add`.
partner-node-id = معرّف العقدة
partner-country = البلد
partner-added = تاريخ الإضافة
partner-sends = يجوز لنا أن نرسل
partner-receives = نقبل
partner-pending = قيد الانتظار
partner-delivered = تم التسليم
partner-rejected = مرفوضة
nothing = لا شيء

statistics-title = الإحصاءات

audit-title = سجل التدقيق
audit-event = الحدث
audit-actor = المستخدم
audit-when = الوقت
audit-partner = الشريك
audit-detail = التفاصيل
audit-older = إدخالات أقدم
audit-none = لا يوجد إدخال مطابق.

tokens-title = رموز الواجهة البرمجية
tokens-intro = يتيح الرمز لبرنامج نصي استدعاء واجهة العقدة البرمجية باسمك وبدورك. أرسله في الترويسة `Authorization: Bearer …`. ألغِ الرمز حالما تنتهي الحاجة إليه.
tokens-name = الغرض منه
tokens-create = إنشاء رمز
tokens-created = رمزك الجديد أدناه. انسخه الآن: لن يُعرض إلا هذه المرة.
tokens-revoke = إلغاء
tokens-revoked = ملغى
tokens-none = ليس لديك أي رمز.
tokens-last-used = آخر استخدام
tokens-created-at = تاريخ الإنشاء
never = أبداً

yes = نعم
no = لا

## Picklist values. English labels come from concord-core (`Picklist::label`); a
## language translates a value as `<list>-<Value>`, the list's name with dashes.

case-status-Active = نشطة
case-status-FollowUp = قيد المتابعة
case-status-Closed = مغلقة
case-status-ClosedReferred = مغلقة (محالة)
exploitation-type-ForcedLabour = العمل القسري
exploitation-type-SexualExploitation = الاستغلال الجنسي
exploitation-type-ForcedMarriage = الزواج القسري
exploitation-type-ForcedCriminality = الإجرام القسري
exploitation-type-ForcedBegging = التسول القسري
exploitation-type-ArmedForcesOrGroups = التجنيد أو الاستخدام من قبل القوات أو الجماعات المسلحة
exploitation-type-OrganRemoval = نزع الأعضاء
exploitation-type-ChildLabour = عمل الأطفال
exploitation-type-Servitude = الاستعباد
exploitation-type-ForcedAdoption = التبني القسري
exploitation-type-Surrogacy = تأجير الأرحام
exploitation-type-Other = أخرى
person-role-Victim = ضحية
person-role-PresumedVictim = ضحية مفترضة
person-role-Suspect = مشتبه به
person-role-MissingPerson = شخص مفقود (أبلغت عنه العائلة)
person-role-Witness = شاهد
gender-Feminine = أنثى
gender-Masculine = ذكر
gender-TransgenderFeminine = عابرة جنسياً
gender-TransgenderMasculine = عابر جنسياً
gender-NonConforming = غير نمطي
gender-NonSpecifiedUnknown = غير محدد / غير معروف
role-Administrator = مسؤول: إعدادات العقدة والمستخدمون والشركاء
role-LiaisonOfficer = ضابط اتصال: يرسل الطلبات ويجيب عنها ويراجع التطابقات
role-Analyst = محلل: القضايا والإحصاءات، دون رسائل صادرة
role-FieldOfficer = ضابط ميداني: يُدخل قضايا وحدته ويطّلع عليها

## أدوار المستخدمين باختصار
role-short-Administrator = مسؤول
role-short-LiaisonOfficer = ضابط اتصال
role-short-Analyst = محلل
role-short-FieldOfficer = ضابط ميداني

## التقدير (تقدير الأنظمة المتعددة)
nav-estimate = التقدير
estimate-title = كم عدد الضحايا الذين لم يرهم أحد؟
estimate-intro = حين تتداخل قوائم عدة منظمات للضحايا المحددين، يتيح نمط التداخل تقدير عدد الضحايا غير الموجودين في أي قائمة. الصق سجلات الالتقاط: عمود لكل قائمة (1 إن كان الشخص فيها و0 إن لم يكن)، ثم عدد الأشخاص بذلك النمط. الطريقة وكيفية قراءة النتيجة: docs/estimation.md.
estimate-table = سجلات الالتقاط (CSV)
estimate-table-hint = مثلاً: سطر أول A,B,C,count ثم 1,0,0,40 وهكذا. الأنماط غير المذكورة عددها 0.
estimate-criterion = اختيار النموذج
estimate-bootstrap = تكرارات البوتستراب (0 لعدم الاستخدام، من 100 إلى 2000)
estimate-run = قدِّر
estimate-result = النتيجة
estimate-total = العدد المقدَّر إجمالاً
estimate-interval = فترة الثقة 95%
estimate-observed = في قائمة واحدة على الأقل
estimate-unseen = ليسوا في أي قائمة (تقديراً)
estimate-bootstrap-interval = فترة البوتستراب:
estimate-warnings = اقرأ بحذر:
estimate-lists = القوائم
estimate-models = النماذج التي نُظر فيها (✓ النموذج المختار)
estimate-step = الخطوة
estimate-terms = التفاعلات
estimate-deviance = الانحراف
estimate-main-effects = التأثيرات الرئيسية فقط
estimate-refused = مرفوض:

## طلبات المساعدة المتبادلة
nav-requests = الطلبات
requests-title = طلبات المساعدة
requests-none = لا توجد طلبات بعد في أي من الاتجاهين.
requests-subject = الموضوع
requests-direction = الاتجاه
requests-outgoing = طلبنا
requests-incoming = طُلب منا
requests-type = الطلب
requests-basis = الأساس القانوني
requests-urgency = درجة الاستعجال
requests-deadline = الموعد النهائي
requests-reason = سبب الرفض
requests-new = إرسال طلب
requests-to = إلى الشريك
requests-details = نص الطلب
requests-no-identifying-data = لا أسماء ولا تواريخ ميلاد ولا أرقام وثائق: لا تعبر البيانات التعريفية الحدود إلا داخل إجابة وافق عليها ضابط اتصال.
requests-send = إرسال
requests-step-acknowledge = إقرار بالاستلام
requests-step-start = بدء العمل
requests-step-answer = تمت الإجابة
requests-step-decline = رفض
requests-step-withdraw = سحب
request-status-Sent = أُرسل ولم يُستلم بعد
request-status-Received = مستلَم
request-status-Acknowledged = تم الإقرار به
request-status-InProgress = قيد العمل
request-status-Answered = تمت الإجابة
request-status-Declined = مرفوض
request-status-Withdrawn = مسحوب
request-type-IdentifyPerson = التعرف على شخص
request-type-LocatePerson = تحديد مكان شخص
request-type-ShareCaseInformation = تبادل معلومات القضية
request-type-SafeReturn = دعم العودة الآمنة لضحية
request-type-CoordinateInvestigation = تنسيق تحقيق
request-type-Other = أخرى
urgency-Routine = عادي
urgency-Urgent = عاجل
urgency-LifeOrChildAtRisk = حياة أو طفل في خطر
legal-basis-TraffickingProtocol = بروتوكول الأمم المتحدة لمنع الاتجار بالأشخاص (المادة 10)
legal-basis-UntocArticle18 = اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية، المادة 18 (المساعدة القانونية المتبادلة)
legal-basis-UntocArticle27 = اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية، المادة 27 (التعاون في إنفاذ القانون)
legal-basis-CouncilOfEuropeConvention = اتفاقية مجلس أوروبا لمكافحة الاتجار بالبشر، الفصل السادس
legal-basis-AseanConvention = اتفاقية آسيان لمكافحة الاتجار بالأشخاص
legal-basis-BilateralAgreement = اتفاق ثنائي
legal-basis-Other = أخرى

nav-hits = التطابقات
hits-title = التطابقات عبر الشبكة
hits-none = لا يوجد تطابق بعد: لا يحتفظ أي شريك بشخص يطابق أحد أشخاصنا، أو لم يتم تبادل الترميزات.
hits-explained = التطابق هو شخص لدى هذه العقدة يُرجَّح أن الشريك يحتفظ به أيضًا: قارن الطرفان ترميزات مفتاحية، لا الأسماء أبدًا. راجع كل تطابق؛ واطلب المساعدة بشأن تطابق مؤكد.
hits-epoch = حقبة مفتاح الربط
hits-key-check = قيمة التحقق من المفتاح (متطابقة لدى كل الأعضاء)
hits-encodings = الترميزات: لدينا / لدى الشركاء
hits-no-key = لا يوجد بعد
hits-number = التطابق
hits-person = شخصنا
hits-score = الدرجة
hits-found-by = وجده
hits-found-here = هذه العقدة
hits-found-there = الشريك
hits-status-new = جديد
hits-status-confirmed = مؤكد
hits-status-rejected = مرفوض
hits-confirm = تأكيد
hits-reject = رفض: شخص مختلف
hits-ask = طلب المساعدة
requests-about-hit = بخصوص التطابق
requests-answer = الرد
requests-disclose = الإفصاح عن البيانات التعريفية لشخصنا { $person } للشريك (أوافق)
requests-disclosed = تم الإفصاح عن بيانات تعريفية
## التنبيهات
nav-alerts = التنبيهات
alerts-title = التنبيهات
alerts-in-force = سارية
alerts-past = منتهية أو ملغاة
alerts-none = لا توجد تنبيهات.
alerts-subject = الموضوع
alerts-type = التنبيه
alerts-issuer = من
alerts-ours = نحن
alerts-area = المنطقة
alerts-expires = ينتهي (بالتوقيت العالمي)
alerts-revision = المراجعة { $revision }
alerts-acknowledgements = الإقرار بالاستلام
alerts-acked-count = { $acked } من { $total } من الشركاء، آخر مراجعة
alerts-acked-revision = أُقرّ باستلام المراجعة { $revision }
alerts-not-acknowledged = ليس بعد
alerts-we-acknowledged = أقررنا باستلامه
alerts-acknowledge = إقرار بالاستلام
alerts-cancel = إلغاء التنبيه
alerts-new = إصدار تنبيه
alerts-recipients = { $count ->
    [0] لا يسمح اتفاق أي شريك بالتنبيهات بعد: التنبيه الصادر الآن يبقى على هذه العقدة.
    [one] يُرسل إلى الشريك الوحيد الذي يسمح اتفاقه بالتنبيهات.
    [two] يُرسل إلى الشريكين اللذين يسمح اتفاقهما بالتنبيهات.
   *[other] يُرسل إلى { $count } من الشركاء الذين تسمح اتفاقاتهم بالتنبيهات.
}
alerts-details = نص التنبيه
alerts-sealed = قد يصف التنبيه شخصًا؛ كل عقدة تحتفظ به تحفظه مشفّرًا.
alerts-expires-hint = في المستقبل، خلال 90 يومًا على الأكثر؛ الوقت بالتوقيت العالمي.
alerts-issue = إصدار
alert-type-MissingPerson = شخص مفقود
alert-type-WantedSuspect = مشتبه به مطلوب
alert-type-RecruitmentScheme = مخطط تجنيد
alert-type-RouteSeen = طريق رُصد ميدانيًا
alert-status-Active = ساري
alert-status-Expired = منتهي
alert-status-Cancelled = ملغى
requests-about-case = بخصوص قضيتنا
requests-ask-about-case = اسأل شريكًا عن هذه القضية

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement</source>
        <extracomment>A disagreement was chosen: (document id, start, end).</extracomment>
        <translation>الاتفاق بين المُوسِّمين</translation>
    </message>
    <message>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>alpha (tokens)</source>
        <translation>ألفا (الكلمات)</translation>
    </message>
    <message>
        <source>alpha (unitizing)</source>
        <translation>ألفا (التقطيع)</translation>
    </message>
    <message>
        <source>first</source>
        <translation>الأول</translation>
    </message>
    <message>
        <source>second</source>
        <translation>الثاني</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>تطابق تام</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <source>F-score</source>
        <translation>المتوسط التوافقي</translation>
    </message>
    <message>
        <source>kappa</source>
        <translation>كابا</translation>
    </message>
    <message>
        <source>Annotators to compare (tick two or more):</source>
        <translation>المُوسِّمون المقارَنون (اختر اثنين أو أكثر):</translation>
    </message>
    <message>
        <source>Pair (the first is the reference):</source>
        <translation>الزوج (الأول هو المرجع):</translation>
    </message>
    <message>
        <source>Disagreements (click one to open the document there):</source>
        <translation>الخلافات (انقر خلافًا لفتح المستند عنده):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Tick two or more annotators.</source>
        <translation>اختر مُوسِّمَين أو أكثر.</translation>
    </message>
    <message>
        <source>{count} annotators; {shared} document(s) finished by at least two, {all} by all of them (unitizing alpha is computed on those).</source>
        <translation>عدد المُوسِّمين: {count}؛ المستندات المكتملة عند اثنين منهم على الأقل: {shared}، وعند جميعهم: {all} (تُحسب ألفا التقطيع عليها).</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>only {name}</source>
        <translation>عند {name} وحده</translation>
    </message>
    <message>
        <source>boundary</source>
        <translation>الحدود</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the project database:
{reason}</source>
        <translation>تعذّر فتح قاعدة بيانات المشروع:
{reason}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>    date value: {value}</source>
        <extracomment>Characters laid out left to right inside a right-to-left line (Latin, digits of either kind).</extracomment>
        <translation>    قيمة التاريخ: {value}</translation>
    </message>
    <message numerus="yes">
        <source>The selection runs over %n sentences ({characters} characters). Label all of it as {label}?</source>
        <translation>
            <numerusform>يمتد التحديد على %n جملة (عدد الأحرف: {characters}). هل تريد وسمه كله بوسم «{label}»؟</numerusform>
            <numerusform>يمتد التحديد على جملة واحدة (عدد الأحرف: {characters}). هل تريد وسمه كله بوسم «{label}»؟</numerusform>
            <numerusform>يمتد التحديد على جملتين (عدد الأحرف: {characters}). هل تريد وسمه كله بوسم «{label}»؟</numerusform>
            <numerusform>يمتد التحديد على %n جمل (عدد الأحرف: {characters}). هل تريد وسمه كله بوسم «{label}»؟</numerusform>
            <numerusform>يمتد التحديد على %n جملة (عدد الأحرف: {characters}). هل تريد وسمه كله بوسم «{label}»؟</numerusform>
            <numerusform>يمتد التحديد على %n جملة (عدد الأحرف: {characters}). هل تريد وسمه كله بوسم «{label}»؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Label a long selection?</source>
        <translation>هل تريد وسم تحديد طويل؟</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign documents</source>
        <translation>إسناد مستندات</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Shared with others</source>
        <translation>المشترك مع الآخرين</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>إسناد</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>date value: {value}</source>
        <translation>قيمة التاريخ: {value}</translation>
    </message>
    <message>
        <source>Suggested ({source}, score {score}): A accepts, X rejects</source>
        <translation>اقتراح ({source}، الدرجة {score}): A للقبول، X للرفض</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>CurationDialog</name>
    <message>
        <source>Curation — {name}</source>
        <extracomment>The background of a disagreement row in the curation view.</extracomment>
        <translation>التنقيح — {name}</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>لا أحد</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>إبقاء</translation>
    </message>
    <message>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>date value</source>
        <translation>قيمة التاريخ</translation>
    </message>
    <message>
        <source>where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>made by</source>
        <translation>من وسمه</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>نوع الحدث</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>الكلمة الدالة</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <source>Add the article&apos;s selection</source>
        <translation>إضافة التحديد من المقال</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Spans and date values</source>
        <translation>المقاطع وقيم التواريخ</translation>
    </message>
    <message>
        <source>Events (a kept event keeps the spans it is built on)</source>
        <translation>الأحداث (إبقاء حدث يُبقي المقاطع التي بُني عليها)</translation>
    </message>
    <message>
        <source>Annotators: {names}. Agreed rows are kept already; decide the disagreements.</source>
        <translation>المُوسِّمون: {names}. الصفوف المتفق عليها مُبقاة سلفًا؛ احسم الخلافات.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>disagreement: {names}</source>
        <translation>خلاف: {names}</translation>
    </message>
    <message>
        <source>added in curation</source>
        <translation>أُضيف في التنقيح</translation>
    </message>
    <message>
        <source>Curation not saved</source>
        <translation>لم يُحفظ التنقيح</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>لم يُحفظ: {reason}</translation>
    </message>
</context>
<context>
    <name>DateValueDialog</name>
    <message>
        <source>Date value</source>
        <translation>قيمة التاريخ</translation>
    </message>
    <message>
        <source>Expression:</source>
        <translation>العبارة:</translation>
    </message>
    <message>
        <source>2024-10-24, 2024-W43, 2024-10 or 2024</source>
        <translation>2024-10-24 أو 2024-W43 أو 2024-10 أو 2024</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>ال&amp;قيمة:</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>ال&amp;دقة:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>&amp;Mod:</source>
        <translation>ال&amp;موضع من المدة:</translation>
    </message>
    <message>
        <source>No value: a person cannot date it either</source>
        <translation>بلا قيمة: لا يستطيع إنسان تأريخه أيضًا</translation>
    </message>
    <message>
        <source>Not a value of this precision (2024-10-24 a day, 2024-W43 a week, 2024-10 a month, 2024 a year).</source>
        <translation>ليست قيمة بهذه الدقة (2024-10-24 يوم، 2024-W43 أسبوع، 2024-10 شهر، 2024 سنة).</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>day</source>
        <translation>يوم</translation>
    </message>
    <message>
        <source>week</source>
        <translation>أسبوع</translation>
    </message>
    <message>
        <source>month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <source>START</source>
        <translation>بداية</translation>
    </message>
    <message>
        <source>MID</source>
        <translation>منتصف</translation>
    </message>
    <message>
        <source>END</source>
        <translation>نهاية</translation>
    </message>
    <message>
        <source>APPROX</source>
        <translation>تقريبًا</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>بلا قيمة</translation>
    </message>
    <message>
        <source> · set by hand</source>
        <translation> · عيّنها المُوسِّم</translation>
    </message>
</context>
<context>
    <name>DocumentListView</name>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>المُسنَدة إليّ</translation>
    </message>
    <message>
        <source>Filter by text…</source>
        <translation>تصفية بالنص…</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>Has {label}</source>
        <translation>فيه وسم {label}</translation>
    </message>
</context>
<context>
    <name>DocumentNavigator</name>
    <message>
        <source>This is the last document.</source>
        <translation>هذا آخر مستند.</translation>
    </message>
    <message>
        <source>This is the first document.</source>
        <translation>هذا أول مستند.</translation>
    </message>
    <message>
        <source>Marked; this was the last document.</source>
        <translation>عُيّنت الحالة؛ كان هذا آخر مستند.</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Add {label} “{text}”</source>
        <translation>إضافة مقطع {label} «{text}»</translation>
    </message>
    <message>
        <source>Delete “{text}”</source>
        <translation>حذف «{text}»</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>حذف مقطع</translation>
    </message>
    <message>
        <source>Relabel as {label}</source>
        <translation>إعادة الوسم إلى {label}</translation>
    </message>
    <message>
        <source>Resize span to {range}</source>
        <translation>تغيير حدود المقطع إلى {range}</translation>
    </message>
    <message>
        <source>Mark {status}</source>
        <translation>تعيين الحالة: {status}</translation>
    </message>
    <message>
        <source>undo of {what}</source>
        <translation>التراجع عن: {what}</translation>
    </message>
    <message>
        <source>redo of {what}</source>
        <translation>إعادة: {what}</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <source>Click a date span first, then press Ctrl+D.</source>
        <translation>انقر مقطع تاريخ أولًا، ثم اضغط Ctrl+D.</translation>
    </message>
    <message>
        <source>Publication date stored; automatic date values recomputed: {n}.</source>
        <translation>حُفظ تاريخ النشر؛ قيم التواريخ التلقائية المُعاد حسابها: {n}.</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>&lt;b&gt;Events&lt;/b&gt; · الأحداث</source>
        <translation>&lt;b&gt;الأحداث&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>نوع الحدث:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>الدور:</translation>
    </message>
    <message>
        <source>by label</source>
        <translation>حسب الوسم</translation>
    </message>
    <message>
        <source>Fill roles by clicking</source>
        <translation>ملء الأدوار بالنقر</translation>
    </message>
    <message>
        <source>While on, each span clicked in the article joins the chosen event (in the role its label fills, or the role chosen here)</source>
        <translation>ما دام مفعّلًا، ينضم كل مقطع يُنقر في المقال إلى الحدث المختار (في الدور الذي يملؤه وسمه، أو الدور المختار هنا)</translation>
    </message>
    <message>
        <source>New event, roles filled: {n}; choose its type with the arrows (Ctrl+Z undoes).</source>
        <translation>حدث جديد، الأدوار المملوءة: {n}؛ اختر نوعه بالأسهم (Ctrl+Z للتراجع).</translation>
    </message>
    <message>
        <source>Choose an event first (or press E to make one).</source>
        <translation>اختر حدثًا أولًا (أو اضغط E لإنشاء حدث).</translation>
    </message>
    <message>
        <source>That span is already there, or its label fills no role.</source>
        <translation>هذا المقطع موجود فيه سلفًا، أو أن وسمه لا يملأ أي دور.</translation>
    </message>
    <message>
        <source>This event is an argument of event {numbers}: take it out there first.</source>
        <translation>هذا الحدث يملأ دورًا في الحدث {numbers}: أخرجه من هناك أولًا.</translation>
    </message>
    <message>
        <source>span {id}</source>
        <translation>المقطع {id}</translation>
    </message>
    <message>
        <source>event {number} · {type}</source>
        <translation>الحدث {number} · {type}</translation>
    </message>
    <message>
        <source>The selected span is in event {numbers}.</source>
        <translation>المقطع المحدد في الحدث {numbers}.</translation>
    </message>
    <message>
        <source>The selected span is in no event.</source>
        <translation>المقطع المحدد ليس في أي حدث.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exported {documents} document(s), {spans} span(s).</source>
        <translation>صُدِّر من المستندات: {documents}، ومن المقاطع: {spans}.</translation>
    </message>
    <message>
        <source>{part}: {n} document(s)</source>
        <translation>{part}: عدد المستندات {n}</translation>
    </message>
    <message>
        <source>Suggestions left out: {n}.</source>
        <translation>اقتراحات لم تُصدَّر: {n}.</translation>
    </message>
    <message>
        <source>{n} span(s) the format cannot hold (listed below).</source>
        <translation>مقاطع لا تتسع لها الصيغة: {n} (مسرودة أدناه).</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>كُتب {path}</translation>
    </message>
    <message>
        <source>Wrote {n} files.</source>
        <translation>كُتبت ملفات عددها {n}.</translation>
    </message>
    <message>
        <source>Export a dataset</source>
        <translation>تصدير مجموعة بيانات</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>Split into train/dev/test</source>
        <translation>التقسيم إلى تدريب/تطوير/اختبار</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>a file (or a folder for a split or a folder format)</source>
        <translation>ملف (أو مجلد للتقسيم أو لصيغة تكتب مجلدًا)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Tagging scheme</source>
        <translation>نظام الترميز</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>الكتابة في</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>نسخ القائمة</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>a folder of spaCy parts (spacy train reads it), or NAME.spacy: one file, for a small export</source>
        <translation>مجلد من أجزاء spaCy (يقرؤه spacy train)، أو ‎NAME.spacy: ملف واحد، لتصدير صغير</translation>
    </message>
    <message>
        <source>Export into a folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <source>Choose where to write the export first.</source>
        <translation>اختر أولًا أين يُكتب التصدير.</translation>
    </message>
    <message>
        <source>Split: {problem}</source>
        <translation>التقسيم: {problem}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>أُلغي: لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Nothing was exported:</source>
        <translation>لم يُصدَّر شيء:</translation>
    </message>
    <message>
        <source>Nothing was exported: cannot write {file}: {reason}</source>
        <translation>لم يُصدَّر شيء: تعذّرت كتابة {file}: {reason}</translation>
    </message>
    <message>
        <source>Nothing was exported: {reason}</source>
        <translation>لم يُصدَّر شيء: {reason}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article (Arabic-aware)</source>
        <translation>بحث في هذا المقال (يراعي العربية)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>لا نتيجة</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>plain text: a .txt file, or a folder of them (one document each)</source>
        <translation>نص خام: ملف ‎.txt أو مجلد منها (مستند لكل ملف)</translation>
    </message>
    <message>
        <source>CSV with a &apos;text&apos; column, optional &apos;id&apos;; other columns become metadata</source>
        <translation>جدول CSV فيه عمود للنص وعمود اختياري للمعرّف؛ بقية الأعمدة بيانات وصفية</translation>
    </message>
    <message>
        <source>the project&apos;s JSONL dataset: text, metadata, status, spans and events</source>
        <translation>مجموعة بيانات المشروع بصيغة JSONL: النص والبيانات الوصفية والحالة والمقاطع والأحداث</translation>
    </message>
    <message>
        <source>doccano JSONL: text with [start, end, label] spans, and variants</source>
        <translation>doccano JSONL: نص ومقاطعه [بداية، نهاية، وسم]، وما يشبهها</translation>
    </message>
    <message>
        <source>Label Studio JSON tasks; UTF-16 offsets, predictions become suggestions</source>
        <translation>مهام Label Studio بصيغة JSON؛ مواضع UTF-16، والتنبؤات تصير اقتراحات</translation>
    </message>
    <message>
        <source>brat standoff: a folder of name.txt + name.ann pairs</source>
        <translation>brat: مجلد من أزواج ملفات ‎.txt و‎.ann</translation>
    </message>
    <message>
        <source>CoNLL token-per-line NER (2 or 4 columns, IOB2 or BIOES, nested columns)</source>
        <translation>CoNLL: كلمة في كل سطر (عمودان أو أربعة، IOB2 أو BIOES، أعمدة للمقاطع المتداخلة)</translation>
    </message>
    <message>
        <source>spaCy DocBin: a folder of .spacy parts, or one .spacy file; nested spans kept in a span group</source>
        <translation>spaCy DocBin: مجلد من أجزاء ‎.spacy، أو ملف ‎.spacy واحد؛ المقاطع المتداخلة في مجموعة مقاطع</translation>
    </message>
    <message>
        <source>Hugging Face JSONL of tokens and tags, with its tag list beside it</source>
        <translation>Hugging Face JSONL: كلمات ووسومها، وقائمة الوسوم في ملف بجانبه</translation>
    </message>
    <message>
        <source>events as an ACLED-style CSV table (date, precision, type, actors, location)</source>
        <translation>الأحداث في جدول CSV على طريقة ACLED (التاريخ، الدقة، نوع الحدث، الفاعلون، الموقع)</translation>
    </message>
    <message>
        <source>WebAnno TSV 3 (INCEpTION): named entities and relations, a .tsv per document</source>
        <translation>WebAnno TSV 3 (INCEpTION): الكيانات المسمّاة والعلاقات، ملف ‎.tsv لكل مستند</translation>
    </message>
    <message>
        <source>Prodigy JSONL (db-out): accepted answers become spans, others are counted</source>
        <translation>Prodigy JSONL: الإجابات المقبولة تصير مقاطع، والباقي يُعَدّ</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>Label the selection {name} ({name_ar}), or relabel the selected span</source>
        <translation>وسم التحديد بوسم «{name_ar}»، أو إعادة وسم المقطع المحدد به</translation>
    </message>
    <message>
        <source>Label exactly the selected characters {name}</source>
        <translation>وسم الأحرف المحددة بالضبط بوسم «{name_ar}»</translation>
    </message>
    <message>
        <source>Keyboard and mouse</source>
        <translation>لوحة المفاتيح والفأرة</translation>
    </message>
    <message>
        <source>Every edit is saved at once; there is no Save.</source>
        <translation>يُحفظ كل تعديل فور إجرائه؛ لا حاجة إلى أمر حفظ.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Added {documents} document(s), {spans} span(s); {duplicates} duplicate(s); {skipped} record(s) skipped.</source>
        <translation>أُضيف من المستندات: {documents}، ومن المقاطع: {spans}؛ المكرَّرات: {duplicates}؛ المُدخَلات المتخطّاة: {skipped}.</translation>
    </message>
    <message>
        <source>Into the duplicates: {merged} span(s) added, {replaced} replaced.</source>
        <translation>في المكرَّرات: أُضيف من المقاطع {merged}، واستُبدل {replaced}.</translation>
    </message>
    <message>
        <source>Labels added: {labels}.</source>
        <translation>وسوم أُضيفت: {labels}.</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>استيراد مستندات</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>Detect from each file</source>
        <translation>التعرّف عليها من كل ملف</translation>
    </message>
    <message>
        <source>Add labels the project does not have</source>
        <translation>إضافة الوسوم التي ليست في المشروع</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Rename labels</source>
        <translation>إعادة تسمية الوسوم</translation>
    </message>
    <message>
        <source>Copy problems</source>
        <translation>نسخ المشكلات</translation>
    </message>
    <message>
        <source>Import</source>
        <extracomment>The problems (or skipped records) the last run listed, as the services gave them.</extracomment>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Files and folders to import:</source>
        <translation>الملفات والمجلدات المراد استيرادها:</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <source>Add files or a folder first.</source>
        <translation>أضف ملفات أو مجلدًا أولًا.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>أُلغي: لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{good} record(s) were good.</source>
        <translation>المُدخَلات السليمة: {good}.</translation>
    </message>
    <message>
        <source>Nothing was imported: {problems} problem(s).</source>
        <translation>لم يُستورد شيء: عدد المشكلات {problems}.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>لم يُستورد شيء: {reason}</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>يبدأ…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>يُلغى…</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <source>{text} (exact characters)</source>
        <translation>{text} (الأحرف بالضبط)</translation>
    </message>
    <message>
        <source>{name} — key {key}</source>
        <translation>{name} — المفتاح {key}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>مل&amp;ف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>المستن&amp;د</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>الل&amp;غة</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>الا&amp;قتراحات</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>النموذ&amp;ج</translation>
    </message>
    <message>
        <source>Exact characters</source>
        <translation>الأحرف بالضبط</translation>
    </message>
    <message>
        <source>Selections keep exact characters (View menu)</source>
        <translation>التحديد يبقى على الأحرف بالضبط (قائمة عرض)</translation>
    </message>
    <message>
        <source>The Arabic interface could not be loaded; see the log.</source>
        <translation>تعذّر تحميل الواجهة العربية؛ راجع السجل.</translation>
    </message>
    <message>
        <source>This project has no documents yet: import some.</source>
        <translation>لا مستندات في هذا المشروع بعد: استورد بعضها.</translation>
    </message>
    <message>
        <source>This document is already in progress.</source>
        <translation>هذا المستند قيد التوسيم أصلًا.</translation>
    </message>
    <message>
        <source>Select some text, or click a span, then press a label key.</source>
        <translation>حدّد نصًا أو انقر مقطعًا، ثم اضغط مفتاح وسم.</translation>
    </message>
    <message>
        <source>Nothing new to label there (punctuation only, or already labeled).</source>
        <translation>لا جديد يُوسَم هنا (علامات ترقيم فقط، أو موسوم من قبل).</translation>
    </message>
    <message>
        <source>Document {position} / {total}</source>
        <translation>المستند {position} من {total}</translation>
    </message>
    <message>
        <source>This document was changed elsewhere: showing it as stored now.</source>
        <translation>عُدِّل هذا المستند في مكان آخر: يُعرض الآن كما هو محفوظ.</translation>
    </message>
    <message>
        <source>This document was {before}; it is in progress again (Ctrl+Enter marks it done).</source>
        <translation>كانت حالة هذا المستند «{before}»؛ وهو الآن قيد التوسيم من جديد (Ctrl+Enter يجعله مكتملًا).</translation>
    </message>
    <message>
        <source>{document} ({status}) — annotator</source>
        <translation>{document} ({status}) — annotator</translation>
    </message>
    <message>
        <source>Caret {offset}</source>
        <translation>مؤشر الكتابة عند {offset}</translation>
    </message>
    <message>
        <source>Selection {range} ({characters})</source>
        <translation>التحديد {range} ({characters})</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n حرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%n أحرف</numerusform>
            <numerusform>%n حرفًا</numerusform>
            <numerusform>%n حرف</numerusform>
        </translation>
    </message>
    <message>
        <source>{label} {range} ({characters})</source>
        <translation>{label} {range} ({characters})</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>

Details are in the log: {path}</source>
        <translation>

التفاصيل في السجل: {path}</translation>
    </message>
    <message>
        <source>Not saved: {what}.

Reason: {why}.</source>
        <translation>لم يُحفظ: {what}.

السبب: {why}.</translation>
    </message>
    <message>
        <source>Not saved: {what}</source>
        <translation>لم يُحفظ: {what}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>the file is empty</source>
        <translation>الملف فارغ</translation>
    </message>
    <message>
        <source>undecodable bytes: the file starts with a {encoding} byte order mark but byte {byte} is not valid {encoding}</source>
        <translation>بايتات لا تُفكّ: يبدأ الملف بعلامة ترتيب البايتات لترميز {encoding} لكن البايت {byte} ليس من {encoding}</translation>
    </message>
    <message>
        <source>a binary file, not text (NUL byte at offset {offset})</source>
        <translation>ملف ثنائي لا نص (بايت NUL في الإزاحة {offset})</translation>
    </message>
    <message>
        <source>a binary file, not text (too many control characters)</source>
        <translation>ملف ثنائي لا نص (محارف تحكّم كثيرة)</translation>
    </message>
    <message>
        <source>undecodable bytes: not UTF-8 (byte {byte} is invalid) and no known encoding (UTF-16, cp1256, ISO-8859-6 ...) fits</source>
        <translation>بايتات لا تُفكّ: ليست UTF-8 (البايت {byte} غير صالح) ولا يناسبها ترميز معروف (UTF-16 أو cp1256 أو ISO-8859-6 ...)</translation>
    </message>
    <message>
        <source>cannot read: {reason}</source>
        <translation>تتعذّر القراءة: {reason}</translation>
    </message>
    <message>
        <source>{kind}, not a regular file: only files are read</source>
        <translation>{kind}، لا ملف عادي: لا تُقرأ إلا الملفات</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>أنبوب مسمّى (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>جهاز</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>مقبس</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>ليس ملفًا عاديًا</translation>
    </message>
    <message>
        <source>the file is {size:,} bytes; the limit is {limit:,} bytes (split it into smaller files)</source>
        <translation>حجم الملف {size:,} بايت والحد {limit:,} بايت (قسّمه إلى ملفات أصغر)</translation>
    </message>
    <message>
        <source>the file is more than {limit:,} bytes, the limit</source>
        <translation>حجم الملف أكثر من {limit:,} بايت، وهو الحد</translation>
    </message>
    <message>
        <source>the file changed while it was being imported</source>
        <translation>تغيّر الملف أثناء استيراده</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>لا ملف بهذا الاسم</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>لا ملف ولا مجلد بهذا الاسم</translation>
    </message>
    <message>
        <source>the file holds no records</source>
        <translation>لا مُدخَلات في الملف</translation>
    </message>
    <message>
        <source>the file holds only spaces</source>
        <translation>لا يحوي الملف إلا مسافات</translation>
    </message>
    <message>
        <source>no tokens in this file</source>
        <translation>لا وحدات نصية في هذا الملف</translation>
    </message>
    <message>
        <source>no {suffix} files in this folder</source>
        <translation>لا ملفات {suffix} في هذا المجلد</translation>
    </message>
    <message>
        <source>exists and is not a folder</source>
        <translation>موجود وليس مجلدًا</translation>
    </message>
    <message>
        <source>the folder holds other things ({names}); choose an empty or new folder</source>
        <translation>في المجلد أشياء أخرى ({names})؛ اختر مجلدًا فارغًا أو جديدًا</translation>
    </message>
    <message>
        <source>a symbolic link that loops (it leads back to itself); not read</source>
        <translation>رابط رمزي يدور على نفسه (يعود إليها)؛ لم يُقرأ</translation>
    </message>
    <message>
        <source>a symbolic link to {target}, which does not exist; not read</source>
        <translation>رابط رمزي إلى {target} غير الموجود؛ لم يُقرأ</translation>
    </message>
    <message>
        <source>a folder, not a file; not read</source>
        <translation>مجلد لا ملف؛ لم يُقرأ</translation>
    </message>
    <message>
        <source>the {format} format cannot be read</source>
        <translation>صيغة {format} لا تُقرأ</translation>
    </message>
    <message>
        <source>cannot tell the format: {why}; choose one of {names}</source>
        <translation>تتعذّر معرفة الصيغة: {why}؛ اختر واحدة من {names}</translation>
    </message>
    <message>
        <source>the folder has no .txt or .ann files</source>
        <translation>ليس في المجلد ملفات .txt ولا .ann</translation>
    </message>
    <message>
        <source>the first line is not a JSON object with a &apos;text&apos;</source>
        <translation>السطر الأول ليس كائن JSON فيه &apos;text&apos;</translation>
    </message>
    <message>
        <source>a .json file that is not a Label Studio task list</source>
        <translation>ملف .json ليس قائمة مهام Label Studio</translation>
    </message>
    <message>
        <source>unknown extension {extension}</source>
        <translation>امتداد غير معروف {extension}</translation>
    </message>
    <message>
        <source>invalid JSON: {error} (column {column})</source>
        <translation>JSON غير صالح: {error} (العمود {column})</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>يُنتظر هنا قيمة</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>تُنتظر هنا فاصلة &apos;,&apos;</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>تُنتظر هنا نقطتان &apos;:&apos;</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>يُنتظر هنا اسم خاصية بين علامتي تنصيص مزدوجتين</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>بيانات زائدة بعد القيمة</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>سلسلة نصية لا تُغلق تبدأ عند</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>محرف تحكّم غير صالح عند</translation>
    </message>
    <message>
        <source>invalid JSON: nested too deeply (thousands of [ or {{ inside each other)</source>
        <translation>JSON غير صالح: تداخل عميق جدًا (آلاف من [ أو {{ بعضها داخل بعض)</translation>
    </message>
    <message>
        <source>invalid JSON: a number with thousands of digits</source>
        <translation>JSON غير صالح: عدد من آلاف الأرقام</translation>
    </message>
    <message>
        <source>span {n}</source>
        <translation>المقطع {n}</translation>
    </message>
    <message>
        <source>relation {n}</source>
        <translation>العلاقة {n}</translation>
    </message>
    <message>
        <source>event {n}</source>
        <translation>الحدث {n}</translation>
    </message>
    <message>
        <source>{what} ({label})</source>
        <translation>{what} ({label})</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
    <message>
        <source>a record must be a JSON object</source>
        <translation>يجب أن يكون المُدخَل كائن JSON</translation>
    </message>
    <message>
        <source>{what} must be an object</source>
        <translation>يجب أن يكون {what} كائنًا</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be an object</source>
        <translation>يجب أن تكون &apos;{key}&apos; كائنًا</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a list</source>
        <translation>يجب أن تكون &apos;{key}&apos; قائمة</translation>
    </message>
    <message>
        <source>&apos;text&apos; is missing or not a string</source>
        <translation>&apos;text&apos; غير موجود أو ليس سلسلة نصية</translation>
    </message>
    <message>
        <source>&apos;text&apos; is missing, empty or not a string</source>
        <translation>&apos;text&apos; غير موجود أو فارغ أو ليس سلسلة نصية</translation>
    </message>
    <message>
        <source>&apos;text&apos; is empty</source>
        <translation>&apos;text&apos; فارغ</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be one of {choices}, got {value}</source>
        <translation>يجب أن تكون &apos;{key}&apos; واحدة من {choices}، وهي {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a string or null</source>
        <translation>يجب أن تكون &apos;{key}&apos; سلسلة نصية أو null</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a string</source>
        <translation>يجب أن تكون &apos;{key}&apos; سلسلة نصية</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a non-empty string</source>
        <translation>يجب أن تكون &apos;{key}&apos; سلسلة نصية غير فارغة</translation>
    </message>
    <message>
        <source>a doccano record (&apos;{key}&apos; instead of &apos;spans&apos;); import it with --format doccano</source>
        <translation>مُدخَل doccano (&apos;{key}&apos; بدل &apos;spans&apos;)؛ استورده بصيغة doccano</translation>
    </message>
    <message>
        <source>{what} refers to span {ref}, which this record does not have</source>
        <translation>{what} يشير إلى المقطع {ref} وليس في هذا المُدخَل</translation>
    </message>
    <message>
        <source>the id is used twice</source>
        <translation>المعرّف مستعمل مرتين</translation>
    </message>
    <message>
        <source>role {role} must list span ids</source>
        <translation>يجب أن يسرد الدور {role} معرّفات مقاطع</translation>
    </message>
    <message>
        <source>the id {id} is used twice</source>
        <translation>المعرّف {id} مستعمل مرتين</translation>
    </message>
    <message>
        <source>event {name} has itself as an argument</source>
        <translation>الحدث {name} يملأ دورًا في نفسه</translation>
    </message>
    <message>
        <source>events {path} are each other&apos;s arguments (a cycle)</source>
        <translation>الأحداث {path} يملأ بعضها أدوار بعض (حلقة)</translation>
    </message>
    <message>
        <source>the label must be a non-empty string, got {label}</source>
        <translation>يجب أن يكون الوسم سلسلة نصية غير فارغة، وهو {label}</translation>
    </message>
    <message>
        <source>offsets must be integers, got {start} and {end}</source>
        <translation>يجب أن تكون الإزاحات أعدادًا صحيحة، وهي {start} و{end}</translation>
    </message>
    <message>
        <source>offsets must be integers, got {start}, {end}</source>
        <translation>يجب أن تكون الإزاحات أعدادًا صحيحة، وهي {start}، {end}</translation>
    </message>
    <message>
        <source>&apos;text&apos; must be a string</source>
        <translation>يجب أن يكون &apos;text&apos; سلسلة نصية</translation>
    </message>
    <message>
        <source>offsets {start}-{end} are outside the text ({length} characters)</source>
        <translation>الإزاحات {start}-{end} خارج النص (عدد الأحرف {length})</translation>
    </message>
    <message>
        <source>{what} ({label} {start}-{end}): its text {given} does not match text[{start}:{end}] = {actual}</source>
        <translation>{what} ({label} {start}-{end}): نصه {given} لا يطابق text[{start}:{end}] = {actual}</translation>
    </message>
    <message>
        <source>offsets {start}-{end} do not fit a text of {length} characters (need 0 &lt;= start &lt; end &lt;= length)</source>
        <translation>الإزاحات {start}-{end} لا تناسب نصًا عدد أحرفه {length} (الشرط 0 &lt;= البداية &lt; النهاية &lt;= الطول)</translation>
    </message>
    <message>
        <source>span text {given} does not match text[{start}:{end}] = {actual}</source>
        <translation>نص المقطع {given} لا يطابق text[{start}:{end}] = {actual}</translation>
    </message>
    <message>
        <source>the relation type must be a non-empty string</source>
        <translation>يجب أن يكون نوع العلاقة سلسلة نصية غير فارغة</translation>
    </message>
    <message>
        <source>expected [start, end, label], got {item}</source>
        <translation>يُنتظر [start, end, label]، والموجود {item}</translation>
    </message>
    <message>
        <source>expected [start, end, label] or an object</source>
        <translation>يُنتظر [start, end, label] أو كائن</translation>
    </message>
    <message>
        <source>from_id/to_id {ends} do not name entities of this record</source>
        <translation>from_id/to_id {ends} لا يسمّيان كيانات من هذا المُدخَل</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}؛ {rest}</translation>
    </message>
    <message>
        <source>a task must be a JSON object</source>
        <translation>يجب أن تكون المهمة كائن JSON</translation>
    </message>
    <message>
        <source>{what} trigger</source>
        <translation>الكلمة الدالة في {what}</translation>
    </message>
    <message>
        <source>{what} role {role}</source>
        <translation>الدور {role} في {what}</translation>
    </message>
    <message>
        <source>{what} head</source>
        <translation>رأس {what}</translation>
    </message>
    <message>
        <source>{what} tail</source>
        <translation>ذيل {what}</translation>
    </message>
    <message>
        <source>task {n}</source>
        <translation>المهمة {n}</translation>
    </message>
    <message>
        <source>task {n} (id {id})</source>
        <translation>المهمة {n} (المعرّف {id})</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>توسيم</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>تنبّؤ</translation>
    </message>
    <message>
        <source>{kind} result {n}</source>
        <translation>النتيجة {n} من {kind}</translation>
    </message>
    <message>
        <source>{kind} relation</source>
        <translation>علاقة في {kind}</translation>
    </message>
    <message>
        <source>{document}: {n} event(s) not written (doccano sequence labeling has no events)</source>
        <translation>{document}: لم تُكتب الأحداث وعددها {n} (وسم التسلسلات في doccano بلا أحداث)</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a non-empty list of label names, got {labels}</source>
        <translation>يجب أن تكون &apos;{key}&apos; قائمة غير فارغة من أسماء الوسوم، وهي {labels}</translation>
    </message>
    <message>
        <source>&apos;data&apos; has no &apos;text&apos;, and which of its strings is the text cannot be told (strings: {keys})</source>
        <translation>ليس في &apos;data&apos; مفتاح &apos;text&apos;، ولا يُعرف أيّ سلاسلها هو النص (السلاسل: {keys})</translation>
    </message>
    <message>
        <source>the task text is empty</source>
        <translation>نص المهمة فارغ</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; holds doccano spans ([start, end, label] or start_offset), not Label Studio regions; doccano&apos;s format is JSON Lines: write one record per line in a .jsonl file and import it with --format doccano</source>
        <translation>في &apos;{key}&apos; مقاطع doccano ‏([start, end, label] أو start_offset) لا مناطق Label Studio؛ صيغة doccano هي JSON Lines: اكتب مُدخَلًا في كل سطر في ملف .jsonl واستورده بصيغة doccano</translation>
    </message>
    <message>
        <source>each {kind} must be an object</source>
        <translation>يجب أن يكون كل {kind} كائنًا</translation>
    </message>
    <message>
        <source>a {kind}&apos;s &apos;result&apos; must be a list</source>
        <translation>يجب أن تكون &apos;result&apos; في {kind} قائمة</translation>
    </message>
    <message>
        <source>UTF-16 offsets {start}-{end} are outside the text ({units} UTF-16 units) or split a character</source>
        <translation>إزاحات UTF-16 ‏{start}-{end} خارج النص (عدد وحدات UTF-16 ‏{units}) أو تقسم حرفًا</translation>
    </message>
    <message>
        <source>expected a JSON list of tasks</source>
        <translation>يُنتظر قائمة JSON من المهام</translation>
    </message>
    <message>
        <source>{document}: {n} event(s) not written (Label Studio relations are binary; export events as JSONL or brat)</source>
        <translation>{document}: لم تُكتب الأحداث وعددها {n} (علاقات Label Studio ثنائية؛ صدّر الأحداث بصيغة JSONL أو brat)</translation>
    </message>
    <message>
        <source>{document}: {n} event(s) not written (Prodigy tasks hold spans)</source>
        <translation>{document}: لم تُكتب الأحداث وعددها {n} (مهام Prodigy تحوي مقاطع فقط)</translation>
    </message>
    <message>
        <source>{file}: {n} task(s) answered {answer} not imported (only accepted answers are annotations)</source>
        <translation>{file}: لم تُستورد المهام التي جوابها {answer} وعددها {n} (الأجوبة المقبولة وحدها توسيم)</translation>
    </message>
    <message>
        <source>{file}: {n} Prodigy relation(s) not imported</source>
        <translation>{file}: لم تُستورد علاقات Prodigy وعددها {n}</translation>
    </message>
    <message>
        <source>nested inside another span; a flat layout keeps the outer one</source>
        <translation>متداخل داخل مقطع آخر؛ الترميز المسطّح يُبقي المقطع الخارجي</translation>
    </message>
    <message>
        <source>overlaps another span; a flat layout keeps the one that starts first</source>
        <translation>يتقاطع مع مقطع آخر؛ الترميز المسطّح يُبقي المقطع الذي يبدأ أولًا</translation>
    </message>
    <message>
        <source>{document}: span {label} {start}-{end} {text} not written: {reason}</source>
        <translation>{document}: لم يُكتب المقطع {label} {start}-{end} {text}: {reason}</translation>
    </message>
    <message>
        <source>{message} ({label} {start}-{end} {text})</source>
        <translation>{message} ({label} {start}-{end} {text})</translation>
    </message>
    <message>
        <source>this is WebAnno TSV (INCEpTION&apos;s export), not CoNLL: import it with --format webanno</source>
        <translation>هذا ملف WebAnno TSV (تصدير INCEpTION) لا CoNLL: استورده بصيغة webanno</translation>
    </message>
    <message>
        <source>{n} lines: {message} (the first is here, the last on line {last})</source>
        <translation>عدد الأسطر {n}: {message} (أولها هنا وآخرها في السطر {last})</translation>
    </message>
    <message>
        <source>token {token} has no tag column</source>
        <translation>الوحدة النصية {token} بلا عمود علامة</translation>
    </message>
    <message>
        <source>{tag} is not a tag (O, B-X, I-X, E-X, S-X)</source>
        <translation>{tag} ليست علامة ترميز (O أو B-X أو I-X أو E-X أو S-X)</translation>
    </message>
    <message>
        <source>spaCy is not installed (pip install &apos;annotator[spacy]&apos;)</source>
        <translation>spaCy غير مثبّت (pip install &apos;annotator[spacy]&apos;)</translation>
    </message>
    <message>
        <source>{document}: event {n} ({type}) has no date and the document no publication date: event_date left empty</source>
        <translation>{document}: الحدث {n} ({type}) بلا تاريخ والمستند بلا تاريخ نشر: تُرك event_date فارغًا</translation>
    </message>
    <message>
        <source>{document}: {n} span(s) but no event: nothing to write</source>
        <translation>{document}: فيه مقاطع عددها {n} ولا حدث: لا شيء يُكتب</translation>
    </message>
    <message>
        <source>{n} span(s) not written: plain text holds no annotations</source>
        <translation>لم تُكتب المقاطع وعددها {n}: النص العادي لا يحمل توسيمًا</translation>
    </message>
    <message>
        <source>expected &apos;NAME TARGET [VALUE]&apos;, got {got}</source>
        <translation>يُنتظر &apos;NAME TARGET [VALUE]&apos;، والموجود {got}</translation>
    </message>
    <message>
        <source>expected &apos;TYPE:TRIGGER ROLE:ID ...&apos;</source>
        <translation>يُنتظر &apos;TYPE:TRIGGER ROLE:ID ...&apos;</translation>
    </message>
    <message>
        <source>argument {argument} is not ROLE:ID</source>
        <translation>الوسيط {argument} ليس ROLE:ID</translation>
    </message>
    <message>
        <source>expected &apos;TYPE Arg1:ID Arg2:ID&apos;, got {got}</source>
        <translation>يُنتظر &apos;TYPE Arg1:ID Arg2:ID&apos;، والموجود {got}</translation>
    </message>
    <message>
        <source>expected &apos;TYPE ID&lt;TAB&gt;text&apos;, e.g. &apos;AnnotatorNotes T1&lt;TAB&gt;a note&apos;</source>
        <translation>يُنتظر &apos;TYPE ID&lt;TAB&gt;text&apos;، مثل &apos;AnnotatorNotes T1&lt;TAB&gt;a note&apos;</translation>
    </message>
    <message>
        <source>expected &apos;TYPE ID DB:KEY&lt;TAB&gt;text&apos;, got {got}</source>
        <translation>يُنتظر &apos;TYPE ID DB:KEY&lt;TAB&gt;text&apos;، والموجود {got}</translation>
    </message>
    <message>
        <source>expected &apos;TYPE ID ID ...&apos; (an equivalence of two or more annotations), got {got}</source>
        <translation>يُنتظر &apos;TYPE ID ID ...&apos; (تكافؤ بين توسيمين أو أكثر)، والموجود {got}</translation>
    </message>
    <message>
        <source>unknown annotation line {ident}</source>
        <translation>سطر توسيم غير معروف {ident}</translation>
    </message>
    <message>
        <source>expected &apos;TYPE START END&lt;TAB&gt;text&apos;, got {got}</source>
        <translation>يُنتظر &apos;TYPE START END&lt;TAB&gt;text&apos;، والموجود {got}</translation>
    </message>
    <message>
        <source>an offset with {digits} digits is outside the text</source>
        <translation>إزاحة من {digits} رقمًا خارج النص</translation>
    </message>
    <message>
        <source>a discontinuous span ({fragments}) with {between} between its fragments; spans of several fragments cannot be stored: split it into one T line per fragment</source>
        <translation>مقطع متقطّع ({fragments}) بين أجزائه {between}؛ المقاطع متعددة الأجزاء لا تُحفظ: قسّمه إلى سطر T لكل جزء</translation>
    </message>
    <message>
        <source>its text {given} does not match the text at {fragments} ({actual})</source>
        <translation>نصه {given} لا يطابق النص عند {fragments} ({actual})</translation>
    </message>
    <message>
        <source>{target} is an event; a relation or a trigger must name a text-bound (T) annotation</source>
        <translation>{target} حدث؛ على العلاقة أو الكلمة الدالة أن تسمّي توسيمًا نصيًّا (T)</translation>
    </message>
    <message>
        <source>its argument {argument} names no text-bound (T) annotation or event (E) of this file</source>
        <translation>وسيطه {argument} لا يسمّي توسيمًا نصيًا (T) ولا حدثًا (E) في هذا الملف</translation>
    </message>
    <message>
        <source>{target} is not a text-bound (T) annotation of this file</source>
        <translation>{target} ليس توسيمًا نصيًا (T) في هذا الملف</translation>
    </message>
    <message>
        <source>attribute {name} names {target}, which this file does not annotate</source>
        <translation>السمة {name} تسمّي {target} وليس موسومًا في هذا الملف</translation>
    </message>
    <message>
        <source>equivalence {type} names {target}, which is not a text-bound (T) annotation of this file</source>
        <translation>التكافؤ {type} يسمّي {target} وليس توسيمًا نصيًا (T) في هذا الملف</translation>
    </message>
    <message>
        <source>no .txt file beside this .ann</source>
        <translation>لا ملف .txt بجانب ملف .ann هذا</translation>
    </message>
    <message>
        <source>attribute {key} of {target} (brat names hold no spaces)</source>
        <translation>السمة {key} للتوسيم {target} (أسماء brat بلا مسافات)</translation>
    </message>
    <message>
        <source>attribute {key}={value} of {target} (brat values hold no spaces)</source>
        <translation>السمة {key}={value} للتوسيم {target} (قيم brat بلا مسافات)</translation>
    </message>
    <message>
        <source>event {n} ({type}): no trigger and no arguments</source>
        <translation>الحدث {n} ({type}): بلا كلمة دالة ولا وسائط</translation>
    </message>
    <message>
        <source>attribute {key} of relation R{n} (brat has none there)</source>
        <translation>السمة {key} للعلاقة R{n} (لا سمات لها في brat)</translation>
    </message>
    <message>
        <source>equivalence {item} (its spans are not all exported)</source>
        <translation>التكافؤ {item} (لم تُصدَّر كل مقاطعه)</translation>
    </message>
    <message>
        <source>no layers (#T_SP=, #T_RL= ...) after #FORMAT</source>
        <translation>لا طبقات (#T_SP=، #T_RL= ...) بعد #FORMAT</translation>
    </message>
    <message>
        <source>not WebAnno TSV 3 (the file must start with {mark})</source>
        <translation>ليس WebAnno TSV 3 (يجب أن يبدأ الملف بـ {mark})</translation>
    </message>
    <message>
        <source>expected a token row (SENTENCE-TOKEN&lt;TAB&gt;BEGIN-END&lt;TAB&gt;token ...) or a #Text= line</source>
        <translation>يُنتظر سطر وحدة نصية (SENTENCE-TOKEN&lt;TAB&gt;BEGIN-END&lt;TAB&gt;token ...) أو سطر #Text=</translation>
    </message>
    <message>
        <source>the sentence starts at {start}, inside the one before it</source>
        <translation>تبدأ الجملة عند {start}، داخل الجملة التي قبلها</translation>
    </message>
    <message>
        <source>token offsets {begin}-{end} do not fit the text</source>
        <translation>إزاحات الوحدة النصية {begin}-{end} لا تناسب النص</translation>
    </message>
    <message>
        <source>the token {token} is not the text at {begin}-{end} ({actual})</source>
        <translation>الوحدة النصية {token} ليست النص عند {begin}-{end} ({actual})</translation>
    </message>
    <message>
        <source>{governor} is not a token address</source>
        <translation>{governor} ليس عنوان وحدة نصية</translation>
    </message>
    <message>
        <source>relation(s) between tokens, not spans</source>
        <translation>علاقة أو أكثر بين وحدات نصية لا بين مقاطع</translation>
    </message>
    <message>
        <source>chain layer column(s)</source>
        <translation>عمود أو أكثر من طبقة سلاسل</translation>
    </message>
    <message>
        <source>{file}: {n} {what} not imported</source>
        <translation>{file}: لم يُستورد ما عدده {n}: {what}</translation>
    </message>
    <message>
        <source>the document has no text</source>
        <translation>المستند بلا نص</translation>
    </message>
    <message>
        <source>span {label} {start}-{end} {text} (it does not start and end at token boundaries)</source>
        <translation>المقطع {label} {start}-{end} {text} (لا يبدأ ولا ينتهي عند حدود الوحدات النصية)</translation>
    </message>
    <message>
        <source>event {n} ({type}) (only relations of two spans fit)</source>
        <translation>الحدث {n} ({type}) (لا تناسب الصيغة إلا علاقات بين مقطعين)</translation>
    </message>
    <message>
        <source>event {n} ({type}) (its roles {first}/{second} would read back as other roles)</source>
        <translation>الحدث {n} ({type}) (دوراه {first}/{second} سيُقرآن أدوارًا أخرى)</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>النص فارغ</translation>
    </message>
    <message>
        <source>bad CSV: {error}</source>
        <translation>CSV غير صالح: {error}</translation>
    </message>
    <message>
        <source>bad CSV header: {error} (an unterminated quote?)</source>
        <translation>ترويسة CSV غير صالحة: {error} (علامة تنصيص لا تُغلق؟)</translation>
    </message>
    <message>
        <source>no &apos;text&apos; column (columns: {columns})</source>
        <translation>لا عمود &apos;text&apos; (الأعمدة: {columns})</translation>
    </message>
    <message>
        <source>{n} columns where the header has {header}</source>
        <translation>عدد الأعمدة {n} وعددها في الترويسة {header}</translation>
    </message>
    <message>
        <source>a quoted field starting on this line is never closed (unterminated quote): the rest of the file would become part of it</source>
        <translation>حقل بين علامتي تنصيص يبدأ في هذا السطر ولا يُغلق أبدًا: يصير باقي الملف جزءًا منه</translation>
    </message>
    <message>
        <source>{n} span(s) not written: CSV holds text and metadata only</source>
        <translation>لم تُكتب المقاطع وعددها {n}: CSV يحمل النص والبيانات الوصفية فقط</translation>
    </message>
    <message>
        <source>the text contains a NUL character (U+0000), which cannot be stored</source>
        <translation>في النص محرف NUL ‏(U+0000) ولا يمكن حفظه</translation>
    </message>
    <message>
        <source>the document name contains a NUL character (U+0000), which cannot be stored</source>
        <translation>في اسم المستند محرف NUL ‏(U+0000) ولا يمكن حفظه</translation>
    </message>
    <message>
        <source>&apos;meta&apos; holds NaN or Infinity, which JSON cannot store</source>
        <translation>في &apos;meta&apos; قيمة NaN أو Infinity ولا يحفظها JSON</translation>
    </message>
    <message>
        <source>{what}: &apos;attrs&apos; holds NaN or Infinity, which JSON cannot store</source>
        <translation>{what}: في &apos;attrs&apos; قيمة NaN أو Infinity ولا يحفظها JSON</translation>
    </message>
    <message>
        <source>the text is {length:,} characters; one document may hold at most {limit:,} (split it)</source>
        <translation>عدد أحرف النص {length:,} والحد للمستند الواحد {limit:,} (قسّمه)</translation>
    </message>
    <message>
        <source>span {label} {start}-{end}: {reason}</source>
        <translation>المقطع {label} {start}-{end}: {reason}</translation>
    </message>
    <message>
        <source>unknown label {label} (the project has {labels}); use --map {name}=LABEL or --add-labels</source>
        <translation>وسم غير معروف {label} (وسوم المشروع: {labels})؛ أعد تسميته ({name}=وسم) أو أضف الوسوم التي ليست في المشروع</translation>
    </message>
    <message>
        <source>event type {type} is not in the project&apos;s schema ({types}); use --map &apos;{name}=TYPE&apos; or --add-labels</source>
        <translation>نوع الحدث {type} ليس في مخطط المشروع ({types})؛ أعد تسميته ({name}=نوع) أو أضف الوسوم التي ليست في المشروع</translation>
    </message>
    <message>
        <source>the text holds an unpaired surrogate (U+{code}), which is not text and cannot be stored</source>
        <translation>في النص بديل منفرد (U+{code}) ليس نصًا ولا يمكن حفظه</translation>
    </message>
    <message>
        <source>the name holds an unpaired surrogate (U+{code}), which is not text and cannot be stored</source>
        <translation>في الاسم بديل منفرد (U+{code}) ليس نصًا ولا يمكن حفظه</translation>
    </message>
    <message>
        <source>the metadata holds an unpaired surrogate (U+{code}), which is not text and cannot be stored</source>
        <translation>في البيانات الوصفية بديل منفرد (U+{code}) ليس نصًا ولا يمكن حفظه</translation>
    </message>
    <message>
        <source>a span holds an unpaired surrogate (U+{code}), which is not text and cannot be stored</source>
        <translation>في مقطع بديل منفرد (U+{code}) ليس نصًا ولا يمكن حفظه</translation>
    </message>
    <message>
        <source>an event holds an unpaired surrogate (U+{code}), which is not text and cannot be stored</source>
        <translation>في حدث بديل منفرد (U+{code}) ليس نصًا ولا يمكن حفظه</translation>
    </message>
    <message>
        <source>no documents found</source>
        <translation>لم يوجد أي مستند</translation>
    </message>
    <message>
        <source>label {name} taken as {found} (same name, other case)</source>
        <translation>عُدّ الوسم {name} هو {found} (الاسم نفسه بحالة أحرف أخرى)</translation>
    </message>
    <message>
        <source>event type {name} taken as {found}</source>
        <translation>عُدّ نوع الحدث {name} هو {found}</translation>
    </message>
    <message>
        <source>the database is read-only: nothing can be changed ({reason})</source>
        <translation>قاعدة البيانات للقراءة فقط: لا يمكن تغيير شيء ({reason})</translation>
    </message>
    <message>
        <source>database error: {reason}</source>
        <translation>خطأ في قاعدة البيانات: {reason}</translation>
    </message>
    <message>
        <source>label {label} is not in the project&apos;s schema ({labels})</source>
        <translation>الوسم {label} ليس في مخطط المشروع ({labels})</translation>
    </message>
    <message>
        <source>span refused in document {document}: {reason}</source>
        <translation>رُفض المقطع في المستند {document}: {reason}</translation>
    </message>
    <message>
        <source>document {id} does not exist (deleted meanwhile?)</source>
        <translation>المستند {id} غير موجود (حُذف في الأثناء؟)</translation>
    </message>
    <message>
        <source>document {id} does not exist</source>
        <translation>المستند {id} غير موجود</translation>
    </message>
    <message>
        <source>span {span} is not a span of document {document}</source>
        <translation>المقطع {span} ليس من مقاطع المستند {document}</translation>
    </message>
    <message>
        <source>span {span} does not exist (deleted meanwhile?)</source>
        <translation>المقطع {span} غير موجود (حُذف في الأثناء؟)</translation>
    </message>
    <message>
        <source>a project named {name} already exists</source>
        <translation>يوجد مشروع باسم {name}</translation>
    </message>
    <message>
        <source>&apos;published&apos; must be a date as YYYY-MM-DD, got {value}</source>
        <translation>يجب أن يكون &apos;published&apos; تاريخًا بالشكل YYYY-MM-DD، وهو {value}</translation>
    </message>
    <message>
        <source>&apos;published&apos; is not a real day: {value}</source>
        <translation>&apos;published&apos; ليس يومًا حقيقيًا: {value}</translation>
    </message>
    <message>
        <source>--map {item}: expected OLD=NEW, e.g. ORG=ACTOR</source>
        <translation>إعادة تسمية الوسوم {item}: يُنتظر قديم=جديد، مثل ORG=ACTOR</translation>
    </message>
    <message>
        <source>--map {name}: mapped twice ({first} and {second})</source>
        <translation>إعادة تسمية الوسوم {name}: أُعيدت تسميته مرتين ({first} و{second})</translation>
    </message>
    <message>
        <source>split {split} must be three numbers like 80/10/10 (train/dev/test)</source>
        <translation>التقسيم {split} يجب أن يكون ثلاثة أعداد مثل 80/10/10 (تدريب/تطوير/اختبار)</translation>
    </message>
    <message>
        <source>split {split} must be three whole numbers like 80/10/10</source>
        <translation>التقسيم {split} يجب أن يكون ثلاثة أعداد صحيحة مثل 80/10/10</translation>
    </message>
    <message>
        <source>split {split}: the three numbers must be &gt;= 0 and add up to 100</source>
        <translation>التقسيم {split}: يجب ألا تكون الأعداد الثلاثة سالبة وأن يكون مجموعها 100</translation>
    </message>
    <message>
        <source>no format {format} to write with</source>
        <translation>لا صيغة {format} للكتابة بها</translation>
    </message>
    <message>
        <source>no annotator named {name} (known: {known})</source>
        <translation>لا مُوسِّم باسم {name} (المعروفون: {known})</translation>
    </message>
    <message>
        <source>no documents to export</source>
        <translation>لا مستندات للتصدير</translation>
    </message>
    <message>
        <source>no documents to export with status {status}</source>
        <translation>لا مستندات للتصدير بالحالة {status}</translation>
    </message>
    <message>
        <source>is a folder; give a file name, e.g. {example}</source>
        <translation>هذا مجلد؛ أعطِ اسم ملف، مثل {example}</translation>
    </message>
    <message>
        <source>a split export needs a folder, not a file</source>
        <translation>التصدير المقسّم يحتاج إلى مجلد لا ملف</translation>
    </message>
    <message>
        <source>{document}: {what} not written</source>
        <translation>{document}: لم يُكتب {what}</translation>
    </message>
    <message>
        <source>{document}: no tokens; not written</source>
        <translation>{document}: لا وحدات نصية؛ لم يُكتب</translation>
    </message>
    <message>
        <source>train</source>
        <extracomment>Parameters that name a kind of thing and are themselves translated where shown.</extracomment>
        <translation>تدريب</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>تطوير</translation>
    </message>
    <message>
        <source>test</source>
        <translation>اختبار</translation>
    </message>
</context>
<context>
    <name>ModelTraining</name>
    <message>
        <source>Train the suggestion model</source>
        <extracomment>The training steps in the order they run (scoring the new documents last), for one bar.</extracomment>
        <translation>تدريب نموذج الاقتراحات</translation>
    </message>
    <message>
        <source>Open the new document the model is least sure about</source>
        <translation>فتح المستند الجديد الأقل يقينًا لدى النموذج</translation>
    </message>
    <message>
        <source>Training %p%</source>
        <translation>التدريب %p%</translation>
    </message>
    <message>
        <source>No trained model or no new document: train one first</source>
        <translation>لا نموذج مدرَّبًا أو لا مستند جديدًا: درِّب نموذجًا أولًا</translation>
    </message>
    <message>
        <source>The model is already being trained</source>
        <translation>النموذج قيد التدريب سلفًا</translation>
    </message>
    <message>
        <source>Training the suggestion model in the background…</source>
        <translation>يُدرَّب نموذج الاقتراحات في الخلفية…</translation>
    </message>
    <message>
        <source>Training failed: {why}</source>
        <translation>فشل التدريب: {why}</translation>
    </message>
    <message>
        <source>, F1 {f1} on held-out documents</source>
        <translation>، F1 {f1} على المستندات المحجوزة للتقييم</translation>
    </message>
    <message>
        <source>Model {model} trained on {documents} documents{f1}; new suggestions use it</source>
        <translation>دُرِّب النموذج {model} على مستندات عددها {documents}{f1}؛ تستعمله الاقتراحات الجديدة</translation>
    </message>
</context>
<context>
    <name>NameQuestion</name>
    <message>
        <source>Who is annotating?</source>
        <extracomment>Where the annotator&apos;s name is kept between runs (one person per login, not per project).</extracomment>
        <translation>من يُوسِّم؟</translation>
    </message>
    <message>
        <source>Your name (every span you make is recorded under it):</source>
        <translation>اسمك (يُسجَّل تحته كل مقطع تضعه):</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message>
        <source>Label all occurrences of “{text}” as {label}</source>
        <translation>وسم كل مواضع «{text}» بوسم «{label}»</translation>
    </message>
    <message>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <source>Every document</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>Label checked</source>
        <translation>وسم المُعلَّم عليها</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>أين</translation>
    </message>
    <message>
        <source>{context}   ({where}; already {blocked}: not labeled)</source>
        <translation>{context}   ({where}؛ موسوم سلفًا بوسم {blocked}: لن يُوسم)</translation>
    </message>
    <message>
        <source>{n} occurrence(s) to label</source>
        <translation>مواضع للوسم: {n}</translation>
    </message>
    <message>
        <source>; {n} overlap a span of another label and stay as they are</source>
        <translation>؛ {n} منها تتداخل مع مقطع بوسم آخر وتبقى كما هي</translation>
    </message>
</context>
<context>
    <name>ProgressSummary</name>
    <message>
        <source>{done} / {documents} done</source>
        <translation>المكتمل {done} من {documents}</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Project databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>قواعد بيانات المشاريع (*.sqlite3 *.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>المشاريع ال&amp;أخيرة</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>Open a project database</source>
        <translation>فتح قاعدة بيانات مشروع</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>لا توجد قاعدة بيانات في {path}.</translation>
    </message>
    <message>
        <source>New project database</source>
        <translation>قاعدة بيانات مشروع جديد</translation>
    </message>
    <message>
        <source>{path} already exists; use File &gt; Open… to open it.</source>
        <translation>{path} موجود سلفًا؛ افتحه من ملف ← فتح…</translation>
    </message>
    <message>
        <source>Create a new, empty project database at
{path}?</source>
        <translation>هل تريد إنشاء قاعدة بيانات مشروع جديد فارغة في
{path}؟</translation>
    </message>
    <message>
        <source>Cannot start a window on {database}.</source>
        <translation>تعذّر فتح نافذة على {database}.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(لا شيء بعد)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
</context>
<context>
    <name>ProjectTools</name>
    <message>
        <source>Click a span first: its label goes on its other occurrences.</source>
        <translation>انقر مقطعًا أولًا: يوضع وسمه على مواضعه الأخرى.</translation>
    </message>
</context>
<context>
    <name>PropertiesDialog</name>
    <message>
        <source>Document properties</source>
        <translation>خصائص المستند</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>المستند:</translation>
    </message>
    <message>
        <source>Guessed from the text ({reason}: “{text}”); not confirmed.</source>
        <translation>مُستنتَج من النص ({reason}: «{text}»)؛ غير مؤكَّد.</translation>
    </message>
    <message>
        <source>The text states no publication date: enter it if you know it.</source>
        <translation>لا يذكر النص تاريخ النشر: أدخله إن كنت تعرفه.</translation>
    </message>
    <message>
        <source>This date is the program&apos;s guess; not confirmed.</source>
        <translation>هذا التاريخ تخمين من البرنامج؛ غير مؤكَّد.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: unknown)</source>
        <translation>سنة-شهر-يوم، مثل 2024-10-24 (فارغ: غير معروف)</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>تاريخ ال&amp;نشر:</translation>
    </message>
    <message>
        <source>&amp;Confirmed (not a guess)</source>
        <translation>م&amp;ؤكَّد (ليس تخمينًا)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>actor</source>
        <translation>الفاعل</translation>
    </message>
    <message>
        <source>target</source>
        <translation>الهدف</translation>
    </message>
    <message>
        <source>location</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>الكلمة الدالة</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the corpus</source>
        <translation>البحث في المدوَّنة</translation>
    </message>
    <message>
        <source>Search every document (Arabic-aware)</source>
        <translation>بحث في كل المستندات (يراعي العربية)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>لا نتيجة</translation>
    </message>
    <message>
        <source>More than {hits} hit(s) in {documents} document(s)</source>
        <translation>أكثر من {hits} نتيجة في مستندات عددها {documents}</translation>
    </message>
    <message>
        <source>{hits} hit(s) in {documents} document(s)</source>
        <translation>النتائج: {hits} في مستندات عددها {documents}</translation>
    </message>
</context>
<context>
    <name>SessionBridge</name>
    <message>
        <source>Someone else changed this document: it was reloaded with their change. Not saved: {what}. Repeat it if you still want it.</source>
        <translation>عدّل شخص آخر هذا المستند فأُعيد تحميله بتعديله. لم يُحفظ: {what}. أعد الإجراء إن كنت ما زلت تريده.</translation>
    </message>
    <message>
        <source>Cannot open document {id}: {reason}</source>
        <translation>تعذّر فتح المستند {id}: {reason}</translation>
    </message>
    <message>
        <source>Cannot read the document again: {reason}</source>
        <translation>تعذّرت إعادة قراءة المستند: {reason}</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Delete the selected span</source>
        <translation>حذف المقطع المحدد</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <source>Mark done and go to the next</source>
        <translation>تعيينه مكتملًا والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>Mark skipped and go to the next</source>
        <translation>تخطّيه والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>Set a done or skipped document back to in progress</source>
        <translation>إعادة مستند مكتمل أو متخطّى إلى «قيد التوسيم»</translation>
    </message>
    <message>
        <source>Document properties (publication date)</source>
        <translation>خصائص المستند (تاريخ النشر)</translation>
    </message>
    <message>
        <source>New event from the selected spans or the caret&apos;s sentence</source>
        <translation>حدث جديد من المقاطع المحددة أو من جملة مؤشر الكتابة</translation>
    </message>
    <message>
        <source>Edit the selected date span&apos;s value</source>
        <translation>تعديل قيمة مقطع التاريخ المحدد</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <source>Default text size</source>
        <translation>حجم النص الافتراضي</translation>
    </message>
    <message>
        <source>Exact characters (no snapping to words)</source>
        <translation>الأحرف بالضبط (دون الامتداد إلى كلمات كاملة)</translation>
    </message>
    <message>
        <source>Next pane (document list, article, spans, events)</source>
        <translation>اللوحة التالية (قائمة المستندات، المقال، المقاطع، الأحداث)</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>اللوحة السابقة</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>هذه المساعدة</translation>
    </message>
    <message>
        <source>Import documents…</source>
        <translation>استيراد مستندات…</translation>
    </message>
    <message>
        <source>Export a dataset…</source>
        <translation>تصدير مجموعة بيانات…</translation>
    </message>
    <message>
        <source>Find in this article…</source>
        <translation>بحث في هذا المقال…</translation>
    </message>
    <message>
        <source>Find the next hit</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <source>Find the previous hit</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <source>Search every document…</source>
        <translation>بحث في كل المستندات…</translation>
    </message>
    <message>
        <source>Label all occurrences of the selected span…</source>
        <translation>وسم كل مواضع المقطع المحدد…</translation>
    </message>
    <message>
        <source>Statistics…</source>
        <translation>إحصاءات…</translation>
    </message>
    <message>
        <source>Quit (everything is already saved)</source>
        <translation>خروج (كل شيء محفوظ سلفًا)</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>الأسهم</translation>
    </message>
    <message>
        <source>Move the caret (Left moves forward in right-to-left text)</source>
        <translation>تحريك مؤشر الكتابة (السهم الأيسر يتقدّم في النص العربي)</translation>
    </message>
    <message>
        <source>Shift+Arrows</source>
        <translation>Shift+الأسهم</translation>
    </message>
    <message>
        <source>Extend the selection by a character / line</source>
        <translation>توسيع التحديد بحرف / بسطر</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Left / Right</source>
        <translation>Ctrl+Shift+← / →</translation>
    </message>
    <message>
        <source>Extend the selection by a word</source>
        <translation>توسيع التحديد بكلمة</translation>
    </message>
    <message>
        <source>Home / End, Ctrl+Home / Ctrl+End</source>
        <translation>Home / End، Ctrl+Home / Ctrl+End</translation>
    </message>
    <message>
        <source>Start or end of the line / of the article</source>
        <translation>بداية السطر أو نهايته / بداية المقال أو نهايته</translation>
    </message>
    <message>
        <source>Page Up / Page Down</source>
        <translation>Page Up / Page Down</translation>
    </message>
    <message>
        <source>A page back / on (with Shift: extend the selection)</source>
        <translation>صفحة إلى الوراء / إلى الأمام (مع Shift: توسيع التحديد)</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the selection and the selected span</source>
        <translation>إلغاء التحديد وتحديد المقطع</translation>
    </message>
    <message>
        <source>Shift+Left / Right (span selected)</source>
        <translation>Shift+← / → (عند تحديد مقطع)</translation>
    </message>
    <message>
        <source>Move the span&apos;s end a character on / back</source>
        <translation>تحريك نهاية المقطع حرفًا إلى الأمام / إلى الوراء</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Left / Right (span selected)</source>
        <translation>Ctrl+Shift+← / → (عند تحديد مقطع)</translation>
    </message>
    <message>
        <source>Move the span&apos;s end a word on / back</source>
        <translation>تحريك نهاية المقطع كلمةً إلى الأمام / إلى الوراء</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>سحب</translation>
    </message>
    <message>
        <source>Select text (snaps to whole words; an edge after و ف ب ل ك or ال stays)</source>
        <translation>تحديد نص (يمتد إلى كلمات كاملة؛ ويبقى الطرف الواقع بعد و ف ب ل ك أو ال في مكانه)</translation>
    </message>
    <message>
        <source>Select exact characters (or View &gt; Exact characters, Ctrl+E)</source>
        <translation>تحديد الأحرف بالضبط (أو عرض &gt; الأحرف بالضبط، Ctrl+E)</translation>
    </message>
    <message>
        <source>Select a word (without و ف ب ل ك before a name)</source>
        <translation>تحديد كلمة (دون و ف ب ل ك قبل اسم)</translation>
    </message>
    <message>
        <source>Alt+Drag</source>
        <translation>Alt+سحب</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>نقر مزدوج</translation>
    </message>
    <message>
        <source>Click a span</source>
        <translation>نقر مقطع</translation>
    </message>
    <message>
        <source>Select it (click again for the span around it)</source>
        <translation>تحديده (نقرة ثانية تحدد المقطع المحيط به)</translation>
    </message>
    <message>
        <source>Hover a span</source>
        <translation>الإشارة إلى مقطع</translation>
    </message>
    <message>
        <source>Show its label</source>
        <translation>إظهار وسمه</translation>
    </message>
    <message>
        <source>Drag an edge of the selected span</source>
        <translation>سحب طرف المقطع المحدد</translation>
    </message>
    <message>
        <source>Move that edge</source>
        <translation>تحريك ذلك الطرف</translation>
    </message>
    <message>
        <source>Accept the suggestion under the caret (or the selected one)</source>
        <extracomment>(name, keys, title) of the suggestion actions; the help lists them too.</extracomment>
        <translation>قبول الاقتراح عند مؤشر الكتابة (أو المحدد)</translation>
    </message>
    <message>
        <source>Reject the suggestion under the caret (or the selected one)</source>
        <translation>رفض الاقتراح عند مؤشر الكتابة (أو المحدد)</translation>
    </message>
    <message>
        <source>Go to the next suggestion</source>
        <translation>الانتقال إلى الاقتراح التالي</translation>
    </message>
    <message>
        <source>Go to the previous suggestion</source>
        <translation>الانتقال إلى الاقتراح السابق</translation>
    </message>
    <message>
        <source>Accept every suggestion in this document</source>
        <translation>قبول كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <source>Propose suggestions for this document again</source>
        <translation>اقتراح وسوم لهذا المستند من جديد</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Statistics</source>
        <translation>إحصاءات</translation>
    </message>
    <message>
        <source>Spans per label</source>
        <translation>المقاطع حسب الوسم</translation>
    </message>
    <message>
        <source>Documents per status</source>
        <translation>المستندات حسب الحالة</translation>
    </message>
    <message>
        <source>Spans per annotator</source>
        <translation>المقاطع حسب المُوسِّم</translation>
    </message>
    <message>
        <source>Spans created per day</source>
        <translation>المقاطع المُنشأة في كل يوم</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>حفظ صورة PNG…</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>{documents} documents, {spans} spans.</source>
        <translation>المستندات: {documents}، المقاطع: {spans}.</translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation>حفظ الرسوم البيانية</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد التوسيم</translation>
    </message>
    <message>
        <source>done</source>
        <translation>مكتمل</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>متخطّى</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <source>No suggestion here (Tab goes to the next one)</source>
        <translation>لا اقتراح هنا (Tab ينتقل إلى التالي)</translation>
    </message>
    <message>
        <source>Suggestions not stored: {reason}</source>
        <translation>لم تُحفظ الاقتراحات: {reason}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Reading…</source>
        <translation>قراءة…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>فحص…</translation>
    </message>
    <message>
        <source>Storing…</source>
        <translation>تخزين…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>كتابة…</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <source>Cannot read the others&apos; spans: {reason}</source>
        <extracomment>One colour per other annotator, in the order of their names (colour-blind safe set).</extracomment>
        <translation>تعذّرت قراءة مقاطع الآخرين: {reason}</translation>
    </message>
    <message>
        <source>No one else labeled this document.</source>
        <translation>لم يَسِم أحد غيرك هذا المستند.</translation>
    </message>
    <message>
        <source>Others:</source>
        <translation>الآخرون:</translation>
    </message>
    <message>
        <source>Switch annotator</source>
        <extracomment>Replaceable where no one can answer (tests): asks for a name, None to cancel.</extracomment>
        <translation>تبديل المُوسِّم</translation>
    </message>
    <message>
        <source>Switch &amp;annotator…</source>
        <translation>تبديل المُ&amp;وسِّم…</translation>
    </message>
    <message>
        <source>Show &amp;others&apos; spans</source>
        <translation>إظهار مقاطع ال&amp;آخرين</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>ال&amp;اتفاق بين المُوسِّمين…</translation>
    </message>
    <message>
        <source>&amp;Curate this document…</source>
        <translation>تنقيح هذا ال&amp;مستند…</translation>
    </message>
    <message>
        <source>A&amp;ssign documents…</source>
        <translation>إ&amp;سناد مستندات…</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>إ&amp;حصاءات</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>المُوسِّم: {name}</translation>
    </message>
    <message>
        <source>Cannot switch annotator: {reason}</source>
        <translation>تعذّر تبديل المُوسِّم: {reason}</translation>
    </message>
    <message>
        <source>Now annotating as {name}.</source>
        <translation>التوسيم الآن باسم {name}.</translation>
    </message>
    <message>
        <source>Cannot read the annotators: {reason}</source>
        <translation>تعذّرت قراءة المُوسِّمين: {reason}</translation>
    </message>
    <message>
        <source>Cannot read the document: {reason}</source>
        <translation>تعذّرت قراءة المستند: {reason}</translation>
    </message>
    <message>
        <source>Assigned {count} document(s) to {name}.</source>
        <translation>أُسند إلى {name} عدد {count} من المستندات.</translation>
    </message>
    <message>
        <source>Curation saved: {spans} span(s) and {events} event(s).</source>
        <translation>حُفظ التنقيح: {spans} مقطع و{events} حدث.</translation>
    </message>
</context>
</TS>

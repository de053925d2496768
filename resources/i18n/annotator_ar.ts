<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
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
        <source>spaCy DocBin (.spacy); nested spans kept in a span group</source>
        <translation>spaCy DocBin (‎.spacy)؛ المقاطع المتداخلة في مجموعة مقاطع</translation>
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
        <translation>&amp;ملف</translation>
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
        <translation>ال&amp;مستند</translation>
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
        <translation>الن&amp;موذج</translation>
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
    <name>ModelTraining</name>
    <message>
        <source>Train the suggestion model</source>
        <extracomment>The training steps in the order they run, for one bar over both.</extracomment>
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
    <message>
        <source>%v / %m done</source>
        <translation>المكتمل %v من %m</translation>
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
        <source>Save as PNG…</source>
        <translation>حفظ صورة PNG…</translation>
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
        <source>Switch &amp;annotator…</source>
        <extracomment>Where the annotator&apos;s name is kept between runs (one person per login, not per project). One colour per other annotator, in the order of their names (colour-blind safe set). The background of a disagreement row in the curation view. A disagreement was chosen: (document id, start, end). Replaceable where no one can answer (tests): asks for a name, None to cancel.</extracomment>
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
        <translation>تنقيح هذه ال&amp;وثيقة…</translation>
    </message>
    <message>
        <source>A&amp;ssign documents…</source>
        <translation>إ&amp;سناد وثائق…</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>إ&amp;حصاءات</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>المُوسِّم: {name}</translation>
    </message>
</context>
</TS>

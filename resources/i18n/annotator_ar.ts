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
    <message numerus="yes">
        <source>The selection runs over %n sentences ({characters} characters). Label all of it as {label}?</source>
        <extracomment>Characters laid out left to right inside a right-to-left line (Latin, digits of either kind).</extracomment>
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
    <name>DocumentListView</name>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
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
</TS>

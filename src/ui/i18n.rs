//! Interface strings in Arabic and English. Article text is never
//! translated; only the chrome around it.

use crate::model::{EntityType, PlaceKind, Precision, Ymd};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ar,
    En,
}

impl Lang {
    /// "ar" is Arabic; anything else is English.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("ar") || code.trim().to_ascii_lowercase().starts_with("ar-") {
            Lang::Ar
        } else {
            Lang::En
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }
}

/// Every fixed string of the interface.
pub struct Strings {
    pub app_name: &'static str,
    pub open_file: &'static str,
    pub paste: &'static str,
    pub paste_title: &'static str,
    pub paste_hint: &'static str,
    pub load: &'static str,
    pub cancel: &'static str,
    pub drop_here: &'static str,
    pub interface_language: &'static str,
    pub pick_article: &'static str,
    pub dismiss: &'static str,
    pub legend: &'static str,
    pub entities: &'static str,
    pub no_entities: &'static str,
    pub map: &'static str,
    pub map_help: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset_map: &'static str,
    pub no_places: &'static str,
    /// While the gazetteer's core is on its way (the first seconds of a page).
    pub finding_places: &'static str,
    pub timeline: &'static str,
    pub no_events: &'static str,
    pub published: &'static str,
    pub before_pub: &'static str,
    pub upcoming: &'static str,
    pub date_unknown: &'static str,
    pub mentions: &'static str,
    /// After the number 1.
    pub mention: &'static str,
    pub hide: &'static str,
    pub show: &'static str,
    pub clear_selection: &'static str,
    pub coordinates: &'static str,
    pub participants: &'static str,
    pub place: &'static str,
    pub date: &'static str,
    pub file_too_large: &'static str,
    pub file_unreadable: &'static str,
    pub article_text: &'static str,
    pub kbd_hint: &'static str,
    pub precision_day: &'static str,
    pub precision_month: &'static str,
    pub precision_year: &'static str,
    pub precision_range: &'static str,
    pub err_empty: &'static str,
    pub err_too_large: &'static str,
    pub err_not_text: &'static str,
    /// Followed by the line and column.
    pub err_unreadable: &'static str,
    pub err_line: &'static str,
    pub err_column: &'static str,
    pub err_no_body: &'static str,
    /// Followed by the field's name.
    pub err_bad_field: &'static str,
    pub err_no_article: &'static str,
    /// Followed by the number of characters.
    pub err_too_long: &'static str,
    pub err_kept: &'static str,
    pub err_link_truncated: &'static str,
    pub err_link_corrupted: &'static str,
    /// Followed by the format version.
    pub err_link_newer: &'static str,
    pub err_link_too_large: &'static str,
    pub err_bad_url: &'static str,
    pub err_not_http: &'static str,
    pub err_blocked: &'static str,
    /// Followed by the HTTP status.
    pub err_http: &'static str,
    pub err_remote_too_large: &'static str,
    pub err_too_large_to_link: &'static str,
    pub download_failed: &'static str,
    pub fix_heading: &'static str,
    pub fix_search_only: &'static str,
    pub fix_moved: &'static str,
    pub fix_search: &'static str,
    pub fix_none: &'static str,
    pub skip_to_map: &'static str,
    pub skip_to_timeline: &'static str,
    /// After the number of places outside the view.
    pub outside_view: &'static str,
    pub no_dated_events: &'static str,
    pub undated_events: &'static str,
}

pub static EN: Strings = Strings {
    app_name: "article-atlas",
    open_file: "Open file",
    paste: "Paste text",
    paste_title: "Paste an article",
    paste_hint: "Article JSON (native, JSON-LD, news API), JSON Lines or plain text",
    load: "Show",
    cancel: "Cancel",
    drop_here: "Drop an article file to open it",
    interface_language: "Interface language",
    pick_article: "Article",
    dismiss: "Dismiss",
    legend: "Highlight types (click to hide or show)",
    entities: "Entities",
    no_entities: "No entities found in this article.",
    map: "Map of the places in the article",
    map_help: "Drag to pan, wheel or pinch to zoom; arrow keys pan, + and − zoom",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset_map: "Fit the article's places",
    no_places: "No places found in this article",
    finding_places: "Finding the places…",
    timeline: "Timeline of the events in the article",
    no_events: "No dated events found in this article",
    published: "Published",
    before_pub: "before publication",
    upcoming: "upcoming",
    date_unknown: "date unknown",
    mentions: "mentions",
    mention: "mention",
    hide: "Hide",
    show: "Show",
    clear_selection: "Clear selection",
    coordinates: "Coordinates",
    participants: "Participants",
    place: "Place",
    date: "Date",
    file_too_large: "file is larger than 5 MB",
    file_unreadable: "file could not be read",
    article_text: "Article text",
    kbd_hint: "Tab to a highlight, Enter selects, Escape clears",
    precision_day: "day",
    precision_month: "month",
    precision_year: "year",
    precision_range: "range",
    err_empty: "There is nothing to show: the pasted text or file is empty.",
    err_too_large: "The input is larger than 5 MB.",
    err_not_text: "The file is not text (it is not UTF-8).",
    err_unreadable: "The input could not be read as an article",
    err_line: "line",
    err_column: "column",
    err_no_body: "The article has no text.",
    err_bad_field: "A field of the article holds the wrong kind of value:",
    err_no_article: "No article was found in the input.",
    err_too_long: "The article is too long to show on this page; characters:",
    err_kept: "The article on screen stays.",
    err_link_truncated: "This link is incomplete: it was probably cut off when it was copied.",
    err_link_corrupted: "This link is damaged and cannot be opened.",
    err_link_newer: "This link was made by a newer version of article-atlas; format",
    err_link_too_large: "This link carries more data than the page opens.",
    err_bad_url: "The article's address is not a valid web address.",
    err_not_http: "The article's address must start with http:// or https://.",
    err_blocked: "The article could not be loaded: the request was blocked or the network failed. A file on another site must allow cross-origin requests (CORS).",
    err_http: "The article could not be loaded: the server answered with status",
    err_remote_too_large: "The article at that address is larger than 5 MB.",
    err_too_large_to_link: "This article is too large to share in a link: put it at a web address and share a ?src= link instead.",
    download_failed: "The download failed.",
    fix_heading: "Wrong place? Put the pin on:",
    fix_search_only: "Wrong place? Search for the right one:",
    fix_moved: "You moved this pin. Back to the analysed place:",
    fix_search: "Search places by name",
    fix_none: "No place of that name is at hand.",
    skip_to_map: "Skip to the map",
    skip_to_timeline: "Skip to the timeline",
    outside_view: "outside the view: show all",
    no_dated_events: "No event in this article has a date; undated events are listed below.",
    undated_events: "Undated events",
};

pub static AR: Strings = Strings {
    app_name: "أطلس المقال",
    open_file: "فتح ملف",
    paste: "لصق نص",
    paste_title: "الصق مقالاً",
    paste_hint: "مقال بصيغة JSON (أصلية أو JSON-LD أو واجهة أخبار) أو JSON Lines أو نص عادي",
    load: "عرض",
    cancel: "إلغاء",
    drop_here: "أفلت ملف المقال هنا لفتحه",
    interface_language: "لغة الواجهة",
    pick_article: "المقال",
    dismiss: "إغلاق",
    legend: "أنواع التمييز (انقر للإخفاء أو الإظهار)",
    entities: "الكيانات",
    no_entities: "لم يُعثر على كيانات في هذا المقال.",
    map: "خريطة الأماكن الواردة في المقال",
    map_help: "اسحب للتحريك، واستخدم العجلة أو القرص للتكبير؛ الأسهم للتحريك و+ و− للتكبير والتصغير",
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    reset_map: "ملاءمة أماكن المقال",
    no_places: "لا أماكن في هذا المقال",
    finding_places: "جارٍ البحث عن الأماكن…",
    timeline: "الخط الزمني لأحداث المقال",
    no_events: "لا أحداث مؤرخة في هذا المقال",
    published: "تاريخ النشر",
    before_pub: "قبل النشر",
    upcoming: "مرتقب",
    date_unknown: "تاريخ غير معروف",
    mentions: "ذكر",
    mention: "ذكر",
    hide: "إخفاء",
    show: "إظهار",
    clear_selection: "إلغاء التحديد",
    coordinates: "الإحداثيات",
    participants: "المشاركون",
    place: "المكان",
    date: "التاريخ",
    file_too_large: "حجم الملف يتجاوز 5 ميغابايت",
    file_unreadable: "تعذرت قراءة الملف",
    article_text: "نص المقال",
    kbd_hint: "Tab للانتقال إلى عنصر مميز، وEnter للتحديد، وEscape للإلغاء",
    precision_day: "يوم",
    precision_month: "شهر",
    precision_year: "سنة",
    precision_range: "فترة",
    err_empty: "لا شيء لعرضه: النص الملصق أو الملف فارغ.",
    err_too_large: "حجم المدخل يتجاوز 5 ميغابايت.",
    err_not_text: "الملف ليس نصاً (ليس بترميز UTF-8).",
    err_unreadable: "تعذرت قراءة المدخل مقالاً",
    err_line: "السطر",
    err_column: "العمود",
    err_no_body: "المقال بلا نص.",
    err_bad_field: "أحد حقول المقال يحمل قيمة من نوع خاطئ:",
    err_no_article: "لم يُعثر على مقال في المدخل.",
    err_too_long: "المقال أطول من أن يُعرض في هذه الصفحة؛ عدد الأحرف:",
    err_kept: "يبقى المقال المعروض كما هو.",
    err_link_truncated: "هذا الرابط ناقص: ربما اقتُطع جزء منه عند نسخه.",
    err_link_corrupted: "هذا الرابط تالف ولا يمكن فتحه.",
    err_link_newer: "أُنشئ هذا الرابط بإصدار أحدث من article-atlas؛ الصيغة",
    err_link_too_large: "يحمل هذا الرابط بيانات أكثر مما تفتحه الصفحة.",
    err_bad_url: "عنوان المقال ليس عنوان ويب صالحاً.",
    err_not_http: "يجب أن يبدأ عنوان المقال بـ http:// أو https://.",
    err_blocked: "تعذر تحميل المقال: حُجب الطلب أو تعطلت الشبكة. يجب أن يسمح الموقع الآخر الذي يستضيف الملف بالطلبات من مواقع أخرى (CORS).",
    err_http: "تعذر تحميل المقال: أجاب الخادم برمز الحالة",
    err_remote_too_large: "المقال في ذلك العنوان أكبر من 5 ميغابايت.",
    err_too_large_to_link: "هذا المقال أكبر من أن يُشارك في رابط: ضعه في عنوان ويب وشارك رابطاً بـ ?src= بدلاً من ذلك.",
    download_failed: "تعذر التنزيل.",
    fix_heading: "مكان خاطئ؟ ضع الدبوس على:",
    fix_search_only: "مكان خاطئ؟ ابحث عن المكان الصحيح:",
    fix_moved: "نقلتَ هذا الدبوس. العودة إلى المكان الذي حدده التحليل:",
    fix_search: "ابحث عن مكان بالاسم",
    fix_none: "لا يوجد مكان بهذا الاسم في البيانات المتاحة.",
    skip_to_map: "انتقل إلى الخريطة",
    skip_to_timeline: "انتقل إلى الخط الزمني",
    outside_view: "خارج العرض: إظهار الكل",
    no_dated_events: "لا يحمل أي حدث في هذا المقال تاريخاً؛ الأحداث غير المؤرخة مدرجة أدناه.",
    undated_events: "أحداث غير مؤرخة",
};

/// An input error as the reader is told it, with the reassurance that the
/// article on screen stays.
pub fn problem(l: Lang, p: &super::state::Problem) -> String {
    format!("{} {}", problem_alone(l, p), l.t().err_kept)
}

/// What went wrong, in the reader's language.
pub fn problem_alone(l: Lang, p: &super::state::Problem) -> String {
    use super::state::Problem as P;
    use crate::share::ShareError as S;
    let t = l.t();
    match p {
        P::Empty => t.err_empty.to_string(),
        P::TooLarge => t.err_too_large.to_string(),
        P::NotText => t.err_not_text.to_string(),
        P::Unreadable { line, column } => {
            format!("{} ({} {line}، {} {column}).", t.err_unreadable, t.err_line, t.err_column)
                .replace('،', if l == Lang::Ar { "،" } else { "," })
        }
        P::NoBody => t.err_no_body.to_string(),
        P::BadField(f) => format!("{} {f}.", t.err_bad_field),
        P::NoArticle => t.err_no_article.to_string(),
        P::TooLongForPage(n) => format!("{} {n}.", t.err_too_long),
        P::Link(S::Truncated) => t.err_link_truncated.to_string(),
        P::Link(S::Corrupted) => t.err_link_corrupted.to_string(),
        P::Link(S::NewerVersion(v)) => format!("{} {v}.", t.err_link_newer),
        P::Link(S::TooLarge) => t.err_link_too_large.to_string(),
        P::BadUrl => t.err_bad_url.to_string(),
        P::NotHttp => t.err_not_http.to_string(),
        P::Blocked => t.err_blocked.to_string(),
        P::Http(status) => format!("{} {status}.", t.err_http),
        P::RemoteTooLarge => t.err_remote_too_large.to_string(),
        P::TooLargeToLink => t.err_too_large_to_link.to_string(),
    }
}

/// A type's name: singular for labels, plural for group headings.
pub fn type_name(l: Lang, t: EntityType, plural: bool) -> &'static str {
    match (l, t, plural) {
        (Lang::En, EntityType::Person, false) => "Person",
        (Lang::En, EntityType::Person, true) => "People",
        (Lang::En, EntityType::Organization, false) => "Organisation",
        (Lang::En, EntityType::Organization, true) => "Organisations",
        (Lang::En, EntityType::Place, false) => "Place",
        (Lang::En, EntityType::Place, true) => "Places",
        (Lang::En, EntityType::Date, false) => "Date",
        (Lang::En, EntityType::Date, true) => "Dates",
        (Lang::En, EntityType::Event, false) => "Event",
        (Lang::En, EntityType::Event, true) => "Events",
        (Lang::Ar, EntityType::Person, false) => "شخص",
        (Lang::Ar, EntityType::Person, true) => "أشخاص",
        (Lang::Ar, EntityType::Organization, false) => "منظمة",
        (Lang::Ar, EntityType::Organization, true) => "منظمات",
        (Lang::Ar, EntityType::Place, false) => "مكان",
        (Lang::Ar, EntityType::Place, true) => "أماكن",
        (Lang::Ar, EntityType::Date, false) => "تاريخ",
        (Lang::Ar, EntityType::Date, true) => "تواريخ",
        (Lang::Ar, EntityType::Event, false) => "حدث",
        (Lang::Ar, EntityType::Event, true) => "أحداث",
    }
}

/// The short tag drawn after a nationality word ("Russian", "السعودية"
/// after a noun): a lighter reference to a country, not a place name.
pub fn nationality_tag(l: Lang) -> &'static str {
    match l {
        Lang::En => "NAT",
        Lang::Ar => "جنسية",
    }
}

/// What a nationality word is, for its accessible name and the entity list.
pub fn nationality_name(l: Lang) -> &'static str {
    match l {
        Lang::En => "nationality",
        Lang::Ar => "صفة الجنسية",
    }
}

/// The short tag drawn after a highlight (works without colour).
pub fn type_tag(l: Lang, t: EntityType) -> &'static str {
    match (l, t) {
        (Lang::En, EntityType::Person) => "PER",
        (Lang::En, EntityType::Organization) => "ORG",
        (Lang::En, EntityType::Place) => "LOC",
        (Lang::En, EntityType::Date) => "DATE",
        (Lang::En, EntityType::Event) => "EVT",
        (Lang::Ar, t) => type_name(Lang::Ar, t, false),
    }
}

pub fn place_kind(l: Lang, k: PlaceKind) -> &'static str {
    match (l, k) {
        (Lang::En, PlaceKind::Continent) => "continent",
        (Lang::En, PlaceKind::Region) => "region",
        (Lang::En, PlaceKind::Country) => "country",
        (Lang::En, PlaceKind::Province) => "province",
        (Lang::En, PlaceKind::City) => "city",
        (Lang::En, PlaceKind::Site) => "site",
        (Lang::Ar, PlaceKind::Continent) => "قارة",
        (Lang::Ar, PlaceKind::Region) => "منطقة",
        (Lang::Ar, PlaceKind::Country) => "دولة",
        (Lang::Ar, PlaceKind::Province) => "محافظة",
        (Lang::Ar, PlaceKind::City) => "مدينة",
        (Lang::Ar, PlaceKind::Site) => "موقع",
    }
}

/// Event kinds the analysis produces, in Arabic; others show as given.
pub fn event_kind(l: Lang, kind: &str) -> String {
    let ar = match kind {
        "meeting" => "اجتماع",
        "summit" => "قمة",
        "visit" => "زيارة",
        "talks" => "محادثات",
        "conference" => "مؤتمر",
        "call" => "اتصال",
        "statement" => "بيان",
        "election" => "انتخابات",
        "agreement" => "اتفاق",
        "attack" => "هجوم",
        "announcement" => "إعلان",
        _ => "",
    };
    match l {
        Lang::Ar if !ar.is_empty() => ar.to_string(),
        _ => {
            // kinds are ASCII words: an ASCII capital keeps core's Unicode
            // upper-case table (13 KB, 4 KB after brotli) out of the download
            let mut c = kind.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        }
    }
}

pub fn precision(l: Lang, p: Precision) -> &'static str {
    let t = l.t();
    match p {
        Precision::Day => t.precision_day,
        Precision::Month => t.precision_month,
        Precision::Year => t.precision_year,
        Precision::Range => t.precision_range,
    }
}

fn month(l: Lang, m: u8) -> &'static str {
    crate::time::words::month_label(l.code(), 'g', m.clamp(1, 12))
}

/// "8 Dec 2022" / "8 ديسمبر 2022".
pub fn day(l: Lang, d: Ymd) -> String {
    format!("{} {} {}", d.day, month(l, d.month), d.year)
}

/// "8 Dec" / "8 ديسمبر".
pub fn day_month(l: Lang, d: Ymd) -> String {
    format!("{} {}", d.day, month(l, d.month))
}

/// "Dec 2022".
pub fn month_year(l: Lang, d: Ymd) -> String {
    format!("{} {}", month(l, d.month), d.year)
}

/// "Dec".
pub fn month_name(l: Lang, d: Ymd) -> String {
    month(l, d.month).to_string()
}

/// A date value as a reader says it, by its precision.
pub fn date_value(l: Lang, start: Ymd, end: Ymd, p: Precision) -> String {
    match p {
        Precision::Day => day(l, start),
        Precision::Month => month_year(l, start),
        Precision::Year => start.year.to_string(),
        Precision::Range if start == end => day(l, start),
        Precision::Range if start.year == end.year && start.month == end.month => {
            format!("{}–{} {}", start.day, end.day, month_year(l, start))
        }
        Precision::Range => format!("{} – {}", day(l, start), day(l, end)),
    }
}

/// "33.31° N, 44.36° E" (or its Arabic form).
pub fn coordinates(l: Lang, lat: f64, lon: f64) -> String {
    let (n, s, e, w) = match l {
        Lang::En => ("N", "S", "E", "W"),
        Lang::Ar => ("ش", "ج", "شر", "غ"),
    };
    format!(
        "{}° {}، {}° {}",
        crate::float::fixed(lat.abs(), 2),
        if lat >= 0.0 { n } else { s },
        crate::float::fixed(lon.abs(), 2),
        if lon >= 0.0 { e } else { w }
    )
    .replace('،', if l == Lang::Ar { "،" } else { "," })
}

/// "1 mention", "3 mentions".
pub fn mention_count(l: Lang, n: usize) -> String {
    let t = l.t();
    format!("{n} {}", if n == 1 { t.mention } else { t.mentions })
}

/// The separator of a list of names: "، " in Arabic, ", " in English.
pub fn list_sep(l: Lang) -> &'static str {
    match l {
        Lang::Ar => "، ",
        Lang::En => ", ",
    }
}

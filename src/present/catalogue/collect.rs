//! The words of the app's "Send questionnaires" and "Import
//! questionnaires" windows that take a number or a name.

use std::path::Path;

use crate::model::Lang;

/// "All departments (12)" / "全部部门（12 个）".
pub fn all_departments(count: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("All departments ({count})"),
        Lang::Zh => format!("全部部门（{count} 个）"),
    }
}

/// "Only Finance Bureau" / "仅限市财政局".
pub fn only_department(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Only {name}"),
        Lang::Zh => format!("仅限{name}"),
    }
}

/// "No .xlsx files in /path." / "文件夹 /path 中没有 .xlsx 文件。"
pub fn no_workbooks(folder: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!("No .xlsx files in {}.", folder.display()),
        Lang::Zh => format!("文件夹 {} 中没有 .xlsx 文件。", folder.display()),
    }
}

/// "Import 3 files" / "导入 3 份".
pub fn import_button(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::En, 1) => "Import 1 file".to_owned(),
        (Lang::En, n) => format!("Import {n} files"),
        (Lang::Zh, n) => format!("导入 {n} 份"),
    }
}

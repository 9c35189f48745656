//! Names by id in one language, looked up once (a workspace may hold
//! thousands of departments): what every figure beside a name starts from.

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Dataset, Lang};

/// The names of one dataset in one language.
pub(crate) struct Names<'a> {
    pub(crate) lang: Lang,
    departments: HashMap<&'a str, &'a str>,
    data: &'a Dataset,
}

impl<'a> Names<'a> {
    pub(crate) fn new(data: &'a Dataset, lang: Lang) -> Self {
        Names {
            lang,
            departments: data
                .workspace
                .departments
                .iter()
                .map(|d| (d.id.as_str(), d.name.get(lang)))
                .collect(),
            data,
        }
    }

    pub(crate) fn department(&self, id: &str) -> String {
        self.departments.get(id).map_or(id, |n| *n).to_owned()
    }

    pub(crate) fn dimension(&self, id: &str) -> String {
        self.data
            .framework
            .dimension(id)
            .map_or(id, |d| d.name.get(self.lang))
            .to_owned()
    }

    pub(crate) fn indicator(&self, id: &str) -> String {
        self.data
            .framework
            .indicator(id)
            .map_or(id, |(_, i)| i.name.get(self.lang))
            .to_owned()
    }
}

//! The evidence register, and the documented-information checklist
//! (ISO/IEC 20000-1 clause 7.5.4) that points into it.

use crate::calendar::IsoDate;
use crate::framework::{Framework, RequirementId};
use crate::limits::{self, MAX_NAME_CHARS, MAX_OWNER_CHARS, MAX_REFERENCE_CHARS};
use crate::numbered::numbered_id;
use crate::validation::{self, ValidationError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Evidence items, each linkable to several requirements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRegister {
    #[serde(default)]
    pub items: Vec<EvidenceItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceItem {
    pub id: EvidenceId,
    pub title: String,
    /// Where to find it: a document reference, path or URL (shown as text).
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub next_review: Option<IsoDate>,
    #[serde(default)]
    pub requirements: Vec<RequirementId>,
}

numbered_id!(
    /// Identifies an evidence item; people see it as `EV-0001`.
    EvidenceId,
    "EV"
);

/// The documents a framework expects, keyed by the framework's document id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentChecklist(pub BTreeMap<String, DocumentRecord>);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentRecord {
    pub status: DocumentStatus,
    pub owner: String,
    pub review_date: Option<IsoDate>,
    pub evidence: Vec<EvidenceId>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    #[default]
    Missing,
    Draft,
    Approved,
}

impl EvidenceRegister {
    /// Adds an item linked to one requirement and returns its id.
    pub fn add(
        &mut self,
        title: &str,
        requirement: RequirementId,
    ) -> Result<EvidenceId, ValidationError> {
        let title = validation::title("evidence item", "evidence title", title)?;
        let id = EvidenceId(self.items.iter().map(|i| i.id.0).max().unwrap_or(0) + 1);
        self.items.push(EvidenceItem {
            id,
            title: title.to_owned(),
            reference: String::new(),
            owner: String::new(),
            version: String::new(),
            next_review: None,
            requirements: vec![requirement],
        });
        Ok(id)
    }

    pub fn get(&self, id: EvidenceId) -> Option<&EvidenceItem> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn get_mut(&mut self, id: EvidenceId) -> Option<&mut EvidenceItem> {
        self.items.iter_mut().find(|i| i.id == id)
    }

    /// Items linked to a requirement, in id order.
    pub fn for_requirement<'a>(
        &'a self,
        id: &'a RequirementId,
    ) -> impl Iterator<Item = &'a EvidenceItem> {
        self.items
            .iter()
            .filter(move |i| i.requirements.contains(id))
    }

    /// Links an existing item to another requirement (no duplicates).
    pub fn link(&mut self, id: EvidenceId, requirement: &RequirementId) {
        if let Some(item) = self.get_mut(id)
            && !item.requirements.contains(requirement)
        {
            item.requirements.push(requirement.clone());
        }
    }

    /// Removes the link; the item stays in the register.
    pub fn unlink(&mut self, id: EvidenceId, requirement: &RequirementId) {
        if let Some(item) = self.get_mut(id) {
            item.requirements.retain(|r| r != requirement);
        }
    }

    /// Deletes the item and every reference to it from the checklist.
    pub fn delete(&mut self, id: EvidenceId, documents: &mut DocumentChecklist) {
        self.items.retain(|i| i.id != id);
        for record in documents.0.values_mut() {
            record.evidence.retain(|e| *e != id);
        }
    }

    /// Items whose review date has passed.
    pub fn overdue(&self, today: IsoDate) -> impl Iterator<Item = &EvidenceItem> {
        self.items
            .iter()
            .filter(move |i| i.next_review.is_some_and(|d| d < today))
    }
}

impl DocumentStatus {
    pub const ALL: [DocumentStatus; 3] = [
        DocumentStatus::Missing,
        DocumentStatus::Draft,
        DocumentStatus::Approved,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DocumentStatus::Missing => "Missing",
            DocumentStatus::Draft => "Draft",
            DocumentStatus::Approved => "Approved",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DocumentStatus::Missing => "missing",
            DocumentStatus::Draft => "draft",
            DocumentStatus::Approved => "approved",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

impl DocumentChecklist {
    pub fn record(&self, id: &str) -> DocumentRecord {
        self.0.get(id).cloned().unwrap_or_default()
    }

    /// Changes one document's record; blank records are dropped.
    pub fn edit(&mut self, id: &str, edit: impl FnOnce(&mut DocumentRecord)) {
        let mut record = self.record(id);
        edit(&mut record);
        if record == DocumentRecord::default() {
            self.0.remove(id);
        } else {
            self.0.insert(id.to_owned(), record);
        }
    }
}

impl EvidenceRegister {
    /// Import-time rules: unique ids, links that resolve, sane text.
    pub fn validate(&self, framework: &Framework) -> Result<(), ValidationError> {
        let mut seen = HashSet::new();
        for item in &self.items {
            if !seen.insert(item.id) {
                return Err(ValidationError::DuplicateId(item.id.to_string()));
            }
            item.validate(framework)?;
        }
        Ok(())
    }
}

impl EvidenceItem {
    fn validate(&self, framework: &Framework) -> Result<(), ValidationError> {
        let id = self.id;
        if self.title.trim().is_empty() {
            return Err(ValidationError::MissingTitle(format!("evidence item {id}")));
        }
        let texts = [
            ("title", &self.title, MAX_NAME_CHARS),
            ("reference", &self.reference, MAX_REFERENCE_CHARS),
            ("owner", &self.owner, MAX_OWNER_CHARS),
            ("version", &self.version, MAX_OWNER_CHARS),
        ];
        for (field, text, max) in texts {
            limits::check_text(format_args!("{field} of {id}"), text, max)?;
        }
        for r in &self.requirements {
            if !framework.is_leaf(r) {
                return Err(ValidationError::DanglingLink {
                    from: id.to_string(),
                    to: format!("requirement {r}"),
                });
            }
        }
        Ok(())
    }
}

impl DocumentChecklist {
    /// Import-time rules: documents of this framework, evidence that exists in `register`.
    pub fn validate(
        &self,
        framework: &Framework,
        register: &EvidenceRegister,
    ) -> Result<(), ValidationError> {
        let evidence: HashSet<EvidenceId> = register.items.iter().map(|i| i.id).collect();
        for (doc, record) in &self.0 {
            if framework.document(doc).is_none() {
                return Err(ValidationError::DanglingLink {
                    from: "documented information checklist".into(),
                    to: format!("document “{doc}”"),
                });
            }
            limits::check_text(
                format_args!("owner of document {doc}"),
                &record.owner,
                MAX_OWNER_CHARS,
            )?;
            if let Some(e) = record.evidence.iter().find(|e| !evidence.contains(e)) {
                return Err(ValidationError::DanglingLink {
                    from: format!("document “{doc}”"),
                    to: format!("evidence item {e}"),
                });
            }
        }
        Ok(())
    }
}

//! The caller's scope: the organisation subtree it may see.
//!
//! A `Scope` can only be made here, from an authenticated user, and every model query over
//! scoped data takes one: a handler that forgets authorisation does not compile.

use qldv_api_types::OrgId;

use crate::domain::tree;

/// The organisation subtree a caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    root: Option<Root>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Root {
    id: OrgId,
    path: String,
}

impl Scope {
    /// The whole tree (national administrators).
    pub(super) fn national() -> Self {
        Self { root: None }
    }

    /// One subtree.
    pub(super) fn subtree(id: OrgId, path: String) -> Self {
        Self {
            root: Some(Root { id, path }),
        }
    }

    /// A scope for operations run by the server itself (start-up, CLI), not by a request.
    pub fn system() -> Self {
        Self::national()
    }

    /// This scope narrowed to a subtree inside it (an organisation already found in it); a path
    /// outside gives a scope that sees nothing. A scope can only shrink this way.
    pub fn narrow(&self, id: OrgId, path: &str) -> Self {
        if self.contains(path) {
            Self::subtree(id, path.to_string())
        } else {
            Self::subtree(OrgId(-1), "/-/".into())
        }
    }

    /// True when the scope is the whole tree.
    pub fn is_national(&self) -> bool {
        self.root.is_none()
    }

    /// The id of the scope's root organisation (`None` for the whole tree).
    pub fn root_id(&self) -> Option<OrgId> {
        self.root.as_ref().map(|r| r.id)
    }

    /// The path of the scope's root (`None` for the whole tree).
    pub fn root_path(&self) -> Option<&str> {
        self.root.as_ref().map(|r| r.path.as_str())
    }

    /// Whether an organisation path lies inside the scope.
    pub fn contains(&self, path: &str) -> bool {
        match &self.root {
            None => true,
            Some(r) => tree::is_within(path, &r.path),
        }
    }

    /// Whether an organisation path lies strictly below the scope's root (not the root itself).
    pub fn strictly_contains(&self, path: &str) -> bool {
        match &self.root {
            None => true,
            Some(r) => path != r.path && tree::is_within(path, &r.path),
        }
    }

    /// `[low, high)` bounds of the paths inside the scope, for an indexed range query;
    /// `None` for the whole tree.
    pub fn path_range(&self) -> Option<(String, String)> {
        self.root.as_ref().map(|r| tree::subtree_range(&r.path))
    }
}

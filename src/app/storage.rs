//! Where the browser keeps the scenario store's records ([`crate::store::records`]):
//! IndexedDB, the browser's database, with room for thousands of scenarios; local storage
//! where IndexedDB cannot be used (some private windows); or nowhere, where the browser
//! allows no storage at all, in which case the user is told their work lasts only as long
//! as the page.
//!
//! Every write is checked: a save that fails comes back as a message, and nothing that
//! depends on it (deleting older copies) goes ahead.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode, Storage};

use crate::store::legacy;
use crate::store::records::{Op, JOURNAL_KEY, LOCAL_PREFIX};

/// The IndexedDB database and object store the records live in.
const DATABASE: &str = "mtfp";
const STORE: &str = "records";
/// The database version this build creates.
const DATABASE_VERSION: u32 = 1;

/// Where the records are kept.
#[derive(Clone)]
pub enum Backend {
    /// IndexedDB.
    Database(IdbDatabase),
    /// Local storage, under `mtfp.v3.<key>`.
    Local,
    /// Nowhere: the browser allows no storage.
    Nowhere,
}

/// What opening storage found.
pub struct Found {
    /// The backend to save to.
    pub backend: Backend,
    /// Its records.
    pub records: Vec<(String, String)>,
    /// True if a newer version of the planner upgraded the database.
    pub newer_database: bool,
    /// A note for the user about where work is kept, when it is not the database.
    pub note: Option<String>,
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Why a save did not reach the browser's storage. Shown pinned to the bottom of the
/// window; what was saved before is always safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The site's storage is full.
    Full,
    /// The browser refused, saying why (its error's name and message).
    Refused(String, String),
    /// The browser refused without saying why.
    Unknown,
}

impl SaveError {
    /// The error a failed request or transaction reports.
    fn of(error: Option<web_sys::DomException>) -> SaveError {
        match error {
            Some(e) if e.name() == "QuotaExceededError" => SaveError::Full,
            Some(e) => SaveError::Refused(e.name(), e.message()),
            None => SaveError::Unknown,
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Full => f.write_str(
                "Your latest changes could not be saved: the browser's storage for this site is \
                 full. Download a backup (Import / export, then 'Download all my scenarios') \
                 and delete scenarios you no longer need; what was saved before is safe.",
            ),
            SaveError::Refused(name, message) => write!(
                f,
                "Your latest changes could not be saved: the browser refused ({name}: {message}). \
                 What was saved before is safe; download a backup to be sure of the rest."
            ),
            SaveError::Unknown => f.write_str(
                "Your latest changes could not be saved: the browser refused. What was saved \
                 before is safe; download a backup to be sure of the rest.",
            ),
        }
    }
}

/// The result of `request`, once it has one.
async fn wait(request: &IdbRequest) -> Result<JsValue, Option<web_sys::DomException>> {
    let done = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    match JsFuture::from(done).await {
        Ok(_) => request.result().map_err(|_| None),
        Err(_) => Err(request.error().ok().flatten()),
    }
}

/// Open the database, creating its store the first time. `Err(true)` if a newer version of
/// the planner has upgraded it past this build's version.
async fn open_database() -> Result<IdbDatabase, bool> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(false)?;
    let request = factory
        .open_with_u32(DATABASE, DATABASE_VERSION)
        .map_err(|_| false)?;
    let upgrade = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new({
        let request = request.clone();
        move |_: web_sys::Event| {
            if let Some(db) = request
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = wait(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    match opened {
        Ok(db) => db.dyn_into::<IdbDatabase>().map_err(|_| false),
        Err(e) => Err(e.is_some_and(|e| e.name() == "VersionError")),
    }
}

/// The database as a newer version left it, opened without asking for a version, to read.
async fn open_newer_database() -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let request = factory.open(DATABASE).ok()?;
    wait(&request).await.ok()?.dyn_into::<IdbDatabase>().ok()
}

fn store(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Option<(web_sys::IdbTransaction, IdbObjectStore)> {
    let tx = db.transaction_with_str_and_mode(STORE, mode).ok()?;
    let store = tx.object_store(STORE).ok()?;
    Some((tx, store))
}

/// The records of the database could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadError;

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("The browser's database could not be read.")
    }
}

/// Every record in the database, or why they could not be read.
async fn read_database(db: &IdbDatabase) -> Result<Vec<(String, String)>, ReadError> {
    if !db.object_store_names().contains(STORE) {
        return Ok(Vec::new());
    }
    let (_tx, store) = store(db, IdbTransactionMode::Readonly).ok_or(ReadError)?;
    let keys = store.get_all_keys().map_err(|_| ReadError)?;
    let values = store.get_all().map_err(|_| ReadError)?;
    let keys: Array = wait(&keys).await.map_err(|_| ReadError)?.unchecked_into();
    let values: Array = wait(&values).await.map_err(|_| ReadError)?.unchecked_into();
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| {
            let key = k.as_string()?;
            // A value that is not text (written by something else) is kept as its JSON.
            let value = v
                .as_string()
                .or_else(|| js_sys::JSON::stringify(&v).ok().and_then(|s| s.as_string()))?;
            Some((key, value))
        })
        .collect())
}

/// Every record kept in local storage (`mtfp.v3.<key>`), except the journal.
fn read_local(storage: &Storage) -> Vec<(String, String)> {
    let n = storage.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        if key == JOURNAL_KEY {
            continue;
        }
        let Some(record) = key.strip_prefix(LOCAL_PREFIX) else {
            continue;
        };
        if let Some(value) = storage.get_item(&key).ok().flatten() {
            out.push((record.to_string(), value));
        }
    }
    out
}

/// Open the browser's storage and read every record.
pub async fn open() -> Found {
    match open_database().await {
        Ok(db) => match read_database(&db).await {
            Ok(records) => Found {
                backend: Backend::Database(db),
                records,
                newer_database: false,
                note: None,
            },
            Err(e) => Found {
                backend: Backend::Nowhere,
                records: Vec::new(),
                newer_database: false,
                note: Some(format!(
                    "{e} Your saved scenarios are left as they are; nothing will be saved in \
                     this visit. Download a backup of anything you make."
                )),
            },
        },
        Err(true) => {
            let records = match open_newer_database().await {
                Some(db) => read_database(&db).await.unwrap_or_default(),
                None => Vec::new(),
            };
            Found {
                backend: Backend::Nowhere,
                records,
                newer_database: true,
                note: None,
            }
        }
        Err(false) => match local_storage() {
            Some(storage) => Found {
                records: read_local(&storage),
                backend: Backend::Local,
                newer_database: false,
                note: Some(
                    "This browser window does not offer its database (IndexedDB), so your \
                     scenarios are kept in its local storage, which holds about 5 MB (some \
                     hundreds of scenarios). Download a backup now and then."
                        .into(),
                ),
            },
            None => Found {
                backend: Backend::Nowhere,
                records: Vec::new(),
                newer_database: false,
                note: Some(
                    "This browser window does not allow saving: your scenarios last only until \
                     the page is closed. Download a backup (Import / export, then 'Download \
                     all my scenarios') to keep them."
                        .into(),
                ),
            },
        },
    }
}

impl Backend {
    /// Carry out `ops` in one go: in the database, all or none of them (one transaction);
    /// in local storage, in order, stopping at the first refused. The message says what
    /// went wrong.
    pub async fn commit(&self, ops: &[Op]) -> Result<(), SaveError> {
        match self {
            Backend::Database(db) => {
                let (tx, store) =
                    store(db, IdbTransactionMode::Readwrite).ok_or(SaveError::Unknown)?;
                let done = Promise::new(&mut |resolve, reject| {
                    tx.set_oncomplete(Some(&resolve));
                    tx.set_onabort(Some(&reject));
                });
                for op in ops {
                    let sent = match op {
                        Op::Put { key, value } => store
                            .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
                            .map(|_| ()),
                        Op::Delete { key } => store.delete(&JsValue::from_str(key)).map(|_| ()),
                    };
                    if sent.is_err() {
                        let _ = tx.abort();
                        break;
                    }
                }
                // Commit now rather than when the page next idles: the sooner it is written,
                // the less a closed tab can lose. (web-sys marks `commit` deprecated as not
                // every browser has it; where it is missing the call fails harmlessly and the
                // transaction commits as usual.)
                #[allow(deprecated)]
                let _ = tx.commit();
                JsFuture::from(done)
                    .await
                    .map(|_| ())
                    .map_err(|_| SaveError::of(tx.error()))
            }
            Backend::Local => {
                let storage = local_storage().ok_or(SaveError::Unknown)?;
                for op in ops {
                    let key = format!("{LOCAL_PREFIX}{}", op.key());
                    let done = match op {
                        Op::Put { value, .. } => storage.set_item(&key, value),
                        Op::Delete { .. } => storage.remove_item(&key),
                    };
                    if done.is_err() {
                        // Local storage refuses only when it is full.
                        return Err(SaveError::Full);
                    }
                }
                Ok(())
            }
            Backend::Nowhere => Ok(()),
        }
    }

    /// Every record, read back (to confirm a write before deleting older copies).
    pub async fn read_all(&self) -> Result<Vec<(String, String)>, ReadError> {
        match self {
            Backend::Database(db) => read_database(db).await,
            Backend::Local => Ok(local_storage().map(|s| read_local(&s)).unwrap_or_default()),
            Backend::Nowhere => Ok(Vec::new()),
        }
    }

    /// True if writes reach storage that outlives the page.
    pub fn keeps(&self) -> bool {
        !matches!(self, Backend::Nowhere)
    }

    /// True for the database, whose writes finish after the call that starts them.
    pub fn is_database(&self) -> bool {
        matches!(self, Backend::Database(_))
    }
}

/// Older saved work in local storage: the envelope and texts older versions could not read.
pub fn legacy_keys() -> Vec<(String, String)> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        if key == legacy::STORAGE_KEY || key.starts_with(legacy::UNREADABLE_KEY) {
            if let Some(value) = storage.get_item(&key).ok().flatten() {
                out.push((key, value));
            }
        }
    }
    // The envelope first: what it holds gets the lower ids.
    out.sort_by_key(|(k, _)| k != legacy::STORAGE_KEY);
    out
}

/// Delete local-storage `key`; true if it is gone.
pub fn remove_local(key: &str) -> bool {
    local_storage().is_some_and(|s| s.remove_item(key).is_ok())
}

/// The journal of unconfirmed changes, if one was left.
pub fn journal() -> Option<String> {
    local_storage()?.get_item(JOURNAL_KEY).ok().flatten()
}

/// Write the journal; false if local storage refused it.
pub fn write_journal(text: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(JOURNAL_KEY, text).is_ok())
}

/// How much the site's storage holds and may hold, in bytes, where the browser says.
pub async fn estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let get = |name: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

/// Ask the browser not to clear the site's storage when space runs short; true if granted.
pub async fn persist() -> bool {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    let Ok(promise) = manager.persist() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// The characters kept in local storage under the app's keys (about two bytes each).
pub fn local_chars() -> f64 {
    let Some(storage) = local_storage() else {
        return 0.0;
    };
    let n = storage.length().unwrap_or(0);
    let mut total = 0.0;
    for i in 0..n {
        if let Some(key) = storage.key(i).ok().flatten() {
            if key.starts_with("mtfp") {
                let len = storage.get_item(&key).ok().flatten().map_or(0, |v| v.len());
                total += (key.len() + len) as f64;
            }
        }
    }
    total
}

/// True if the browser has agreed to keep the site's storage when space runs short.
pub async fn persisted() -> bool {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    let Ok(promise) = manager.persisted() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

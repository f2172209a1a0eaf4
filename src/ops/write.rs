//! Writing a file the way every export does: whole or not at all, private to the user,
//! never over the store, a device, a pipe or through a symbolic link.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}", crate::text::err_write_over_store(.0))]
    IsStore(PathBuf),
    #[error("{}", crate::text::err_write_not_regular(.0))]
    NotRegular(PathBuf),
    #[error("{}", crate::text::err_write_failed(.0, .1))]
    Io(PathBuf, std::io::Error),
}

/// Writes `bytes` to `path`: into a temporary file beside it, made private (0600), that
/// is renamed over `path` only when complete, so an error never leaves a half-written
/// file nor damages an old one. A file being replaced keeps its permissions. The folder
/// must exist (a mistyped one is an error, not a new folder). `store`, when given, is
/// never overwritten.
pub fn write_private(path: &Path, bytes: &[u8], store: Option<&Path>) -> Result<(), WriteError> {
    write_private_with(path, store, |out| {
        out.write_all(bytes)
            .map_err(|e| WriteError::Io(path.to_path_buf(), e))
    })
}

/// As [`write_private`], the bytes written by `write` as it makes them (a streamed
/// export); its write errors are its own to say. Nothing replaces `path` unless
/// `write` succeeds.
pub fn write_private_with<E: From<WriteError>>(
    path: &Path,
    store: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    if let Some(store) = store
        && is_same_file(path, store)
    {
        return Err(WriteError::IsStore(path.to_path_buf()).into());
    }
    let existing = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => Some(meta),
        Ok(_) => return Err(WriteError::NotRegular(path.to_path_buf()).into()),
        Err(_) => None,
    };
    let io = |e: std::io::Error| WriteError::Io(path.to_path_buf(), e);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // tempfile creates the file 0600, whatever the umask.
    let mut tmp = tempfile::Builder::new()
        .prefix(".tidig-export-")
        .tempfile_in(dir)
        .map_err(io)?;
    {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, tmp.as_file_mut());
        write(&mut out)?;
        out.flush().map_err(io)?;
    }
    if let Some(meta) = existing {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Creates `dir` and any missing parents, each readable only by the user. An existing
/// folder is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

fn is_same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_file_and_its_new_folder_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ny/mapp/fil.ics");
        assert!(matches!(
            write_private(&path, b"hej", None),
            Err(WriteError::Io(..))
        ));
        create_private_dir(&dir.path().join("ny/mapp")).unwrap();
        write_private(&path, b"hej", None).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"hej");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("ny/mapp")), 0o700);
    }

    #[test]
    fn a_replaced_file_keeps_its_permissions_and_nothing_is_left_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_private(&path, b"new", None).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_store_a_symlink_and_a_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("t.db");
        std::fs::write(&store, "db").unwrap();
        assert!(matches!(
            write_private(&store, b"x", Some(&store)),
            Err(WriteError::IsStore(_))
        ));
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&store, &link).unwrap();
        assert!(matches!(
            write_private(&link, b"x", None),
            Err(WriteError::NotRegular(_))
        ));
        assert!(matches!(
            write_private(dir.path(), b"x", None),
            Err(WriteError::NotRegular(_))
        ));
        assert_eq!(std::fs::read_to_string(&store).unwrap(), "db");
    }
}

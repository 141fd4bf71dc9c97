//! `file_output`: alerts appended to a file, one per line.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use super::{Message, Output};

/// Appends each alert to a file. With `keep_alive` the file stays open
/// between alerts; otherwise it is opened and closed for each alert, so it
/// can be rotated or removed at any time (Falco's default).
#[derive(Debug)]
pub struct FileOutput {
    path: PathBuf,
    keep_alive: bool,
    buffered: bool,
    file: Option<BufWriter<File>>,
}

impl FileOutput {
    /// An output appending to `path`; nothing is opened until the first
    /// alert.
    pub fn new(path: PathBuf, keep_alive: bool, buffered: bool) -> FileOutput {
        FileOutput {
            path,
            keep_alive,
            buffered,
            file: None,
        }
    }

    fn open(&mut self) -> io::Result<&mut BufWriter<File>> {
        if self.file.is_none() {
            let f = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .map_err(|e| {
                    io::Error::new(
                        e.kind(),
                        format!("failed to open output file {}: {e}", self.path.display()),
                    )
                })?;
            self.file = Some(BufWriter::new(f));
        }
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("file output not open"))
    }
}

impl Output for FileOutput {
    fn name(&self) -> &str {
        "file"
    }

    fn write(&mut self, msg: &Message) -> io::Result<()> {
        let buffered = self.buffered && self.keep_alive;
        let f = self.open()?;
        f.write_all(msg.text.as_bytes())?;
        f.write_all(b"\n")?;
        if !buffered {
            f.flush()?;
        }
        if !self.keep_alive {
            self.close()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }

    fn reopen(&mut self) -> io::Result<()> {
        self.close()
    }

    fn close(&mut self) -> io::Result<()> {
        match self.file.take() {
            Some(mut f) => f.flush(),
            None => Ok(()),
        }
    }
}

//! `program_output`: alerts written to the standard input of a program.
//!
//! The configured program is a shell command, run as `sh -c PROGRAM` (what
//! Falco's `popen` does). The alert is only ever written to the child's
//! stdin, one line per alert; it never becomes part of a command line, so
//! nothing in an alert (file names, command lines of the watched processes)
//! can inject shell syntax.

use std::io::{self, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use super::{Message, Output};

/// Runs a program per alert, or one long-lived program with `keep_alive`.
#[derive(Debug)]
pub struct ProgramOutput {
    program: String,
    keep_alive: bool,
    child: Option<(Child, ChildStdin)>,
}

impl ProgramOutput {
    /// An output for the shell command `program`.
    pub fn new(program: String, keep_alive: bool) -> ProgramOutput {
        ProgramOutput {
            program,
            keep_alive,
            child: None,
        }
    }

    fn spawn(&mut self) -> io::Result<&mut ChildStdin> {
        if self.child.is_none() {
            let mut child = Command::new("/bin/sh")
                .arg("-c")
                .arg(&self.program)
                .stdin(Stdio::piped())
                .spawn()
                .map_err(|e| {
                    io::Error::new(
                        e.kind(),
                        format!(
                            "Failed to open program output: {} (error: {e})",
                            self.program
                        ),
                    )
                })?;
            let stdin = child
                .stdin
                .take()
                .ok_or_else(|| io::Error::other("no stdin for the program output"))?;
            self.child = Some((child, stdin));
        }
        match &mut self.child {
            Some((_, stdin)) => Ok(stdin),
            None => Err(io::Error::other("program output not running")),
        }
    }

    /// Closes the child's stdin and waits for it to exit.
    fn finish(&mut self) -> io::Result<()> {
        if let Some((mut child, stdin)) = self.child.take() {
            drop(stdin);
            child.wait()?;
        }
        Ok(())
    }
}

impl Output for ProgramOutput {
    fn name(&self) -> &str {
        "program"
    }

    fn write(&mut self, msg: &Message) -> io::Result<()> {
        let mut line = Vec::with_capacity(msg.text.len() + 1);
        line.extend_from_slice(msg.text.as_bytes());
        line.push(b'\n');
        let r = self.spawn().and_then(|stdin| {
            stdin.write_all(&line)?;
            stdin.flush()
        });
        if r.is_err() || !self.keep_alive {
            // A child that died (broken pipe) is restarted at the next alert.
            let fin = self.finish();
            r?;
            fin?;
        }
        Ok(())
    }

    fn reopen(&mut self) -> io::Result<()> {
        self.finish()
    }

    fn close(&mut self) -> io::Result<()> {
        self.finish()
    }
}

//! Where a cell's output goes in a notebook: stream messages (stdout line by line, as it is
//! produced), display_data for figures and `display(...)`, a progress bar as a display
//! updated in place, `clear_output`, and `input()` through the stdin channel.

use super::kernel::Out;
use crate::eval::tools::progress::ProgressEnd;
use crate::eval::{MimeBundle, Sink};
use jupyter_protocol::{
    ClearOutput, DisplayData, InputRequest, JupyterMessage, JupyterMessageContent, Media,
    MediaType, Stdio, StreamContent, Transient, UpdateDisplayData,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use tokio::sync::mpsc::UnboundedSender;

/// What the kernel and its sink share: the request being run and unsent stream text.
#[derive(Default)]
pub struct Shared {
    pub parent: Option<JupyterMessage>,
    pub allow_stdin: bool,
    pub silent: bool,
    stdout: String,
    stderr: String,
    /// Displays updated in place (progress bars, live plots): their display ids.
    displays: HashMap<u64, String>,
}

/// A MIME bundle as the protocol's media.
pub fn media(bundle: &MimeBundle) -> Media {
    let content = bundle
        .iter()
        .filter_map(|(mime, data)| match mime.as_str() {
            "text/plain" => Some(MediaType::Plain(data.clone())),
            "text/html" => Some(MediaType::Html(data.clone())),
            "image/png" => Some(MediaType::Png(data.clone())),
            "image/svg+xml" => Some(MediaType::Svg(data.clone())),
            "text/markdown" => Some(MediaType::Markdown(data.clone())),
            _ => None,
        })
        .collect();
    Media { content }
}

pub struct KernelSink {
    out: UnboundedSender<Out>,
    shared: Rc<RefCell<Shared>>,
    input: mpsc::Receiver<String>,
    interrupt: Arc<AtomicBool>,
}

impl KernelSink {
    pub fn new(
        out: UnboundedSender<Out>,
        shared: Rc<RefCell<Shared>>,
        input: mpsc::Receiver<String>,
        interrupt: Arc<AtomicBool>,
    ) -> KernelSink {
        KernelSink {
            out,
            shared,
            input,
            interrupt,
        }
    }

    fn send_iopub(shared: &Shared, out: &UnboundedSender<Out>, content: JupyterMessageContent) {
        if shared.silent {
            return;
        }
        let msg = JupyterMessage::new(content, shared.parent.as_ref());
        let _ = out.send(Out::IoPub(msg));
    }

    /// Sends the stream text held back (a line not yet ended).
    pub fn flush_shared(shared: &Rc<RefCell<Shared>>, out: &UnboundedSender<Out>) {
        let mut s = shared.borrow_mut();
        for name in [Stdio::Stdout, Stdio::Stderr] {
            let text = match name {
                Stdio::Stdout => std::mem::take(&mut s.stdout),
                Stdio::Stderr => std::mem::take(&mut s.stderr),
            };
            if !text.is_empty() {
                Self::send_iopub(&s, out, StreamContent { name, text }.into());
            }
        }
    }

    /// Buffers stream text and sends every complete line at once.
    fn stream(&mut self, name: Stdio, text: &str) {
        let mut s = self.shared.borrow_mut();
        let buf = match name {
            Stdio::Stdout => &mut s.stdout,
            Stdio::Stderr => &mut s.stderr,
        };
        buf.push_str(text);
        if let Some(end) = buf.rfind('\n') {
            let rest = buf.split_off(end + 1);
            let line = std::mem::replace(buf, rest);
            Self::send_iopub(&s, &self.out, StreamContent { name, text: line }.into());
        }
    }

    fn send(&mut self, content: JupyterMessageContent) {
        Self::flush_shared(&self.shared, &self.out);
        Self::send_iopub(&self.shared.borrow(), &self.out, content);
    }
}

impl Sink for KernelSink {
    fn stdout(&mut self, text: &str) {
        self.stream(Stdio::Stdout, text);
    }

    fn stderr(&mut self, text: &str) {
        self.stream(Stdio::Stderr, text);
    }

    fn figure(&mut self, fig: &crate::display::Figure) {
        let bundle = crate::eval::tools::notebook::figure_bundle(fig);
        self.display(&bundle);
    }

    fn display(&mut self, bundle: &MimeBundle) {
        self.send(
            DisplayData {
                data: media(bundle),
                metadata: Default::default(),
                transient: None,
            }
            .into(),
        );
    }

    fn clear_output(&mut self, wait: bool) {
        self.send(ClearOutput { wait }.into());
    }

    fn read_line(&mut self, prompt: &str) -> Option<String> {
        let (allowed, parent) = {
            let s = self.shared.borrow();
            (s.allow_stdin, s.parent.clone())
        };
        if !allowed {
            self.stdout(prompt);
            self.stderr("input(): this notebook front end does not take input\n");
            return None;
        }
        Self::flush_shared(&self.shared, &self.out);
        let req = InputRequest {
            prompt: prompt.to_string(),
            password: false,
        };
        let _ = self
            .out
            .send(Out::Stdin(JupyterMessage::new(req, parent.as_ref())));
        loop {
            match self
                .input
                .recv_timeout(std::time::Duration::from_millis(100))
            {
                Ok(v) => return Some(v),
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if self.interrupt.load(Ordering::Relaxed) {
                        return None;
                    }
                }
            }
        }
    }

    fn live_figure(&mut self, id: u64, fig: &crate::display::Figure, _done: bool) {
        let bundle = crate::eval::tools::notebook::figure_bundle(fig);
        self.update_display(id, media(&bundle));
    }

    fn progress(&mut self, id: u64, line: &str, end: ProgressEnd) {
        let text = match end {
            ProgressEnd::Clear => String::new(),
            _ => line.to_string(),
        };
        let data = Media {
            content: vec![MediaType::Plain(text)],
        };
        self.update_display(id, data);
    }
}

impl KernelSink {
    /// Shows `data` as display `id`: a new display the first time, an update after.
    fn update_display(&mut self, id: u64, data: Media) {
        let known = self.shared.borrow().displays.get(&id).cloned();
        let content: JupyterMessageContent = match known {
            Some(display_id) => UpdateDisplayData {
                data,
                metadata: Default::default(),
                transient: Transient {
                    display_id: Some(display_id),
                },
            }
            .into(),
            None => {
                let display_id = format!("nabla-display-{}-{id}", std::process::id());
                self.shared
                    .borrow_mut()
                    .displays
                    .insert(id, display_id.clone());
                DisplayData {
                    data,
                    metadata: Default::default(),
                    transient: Some(Transient {
                        display_id: Some(display_id),
                    }),
                }
                .into()
            }
        };
        self.send(content);
    }
}

//! The kernel process: `nabla kernel -f CONNECTION_FILE`.
//!
//! Sockets live on a small tokio runtime; the `Session` (not `Send`) lives on the main
//! thread. Shell requests go to the main thread in order; everything the kernel says goes
//! back through one writer task, so replies and iopub messages keep their order. Control
//! (interrupt, shutdown, kernel_info) and the heartbeat are served by their own tasks, so
//! they answer while a cell runs. Messages with a bad signature, or that are not JSON, are
//! logged on stderr and dropped, never executed. A signed shell request whose content does
//! not parse is answered with an error reply (`status: "error"`, `ename: "BadRequest"`), so a
//! client never waits for it.

use super::sink::{media, KernelSink, Shared};
use crate::eval::{Completeness, Session};
use jupyter_protocol::{
    CodeMirrorMode, CommInfoReply, CompleteReply, ConnectionInfo, ErrorOutput, ExecuteInput,
    ExecuteReply, ExecuteRequest, ExecuteResult, ExecutionCount, HelpLink, HistoryEntry,
    HistoryReply, HistoryRequest, InspectReply, InterruptReply, IsCompleteReply,
    IsCompleteReplyStatus, JupyterMessage, JupyterMessageContent, KernelInfoReply, LanguageInfo,
    Media, MediaType, Payload, ReplyError, ReplyStatus, ShutdownReply, Status, Transient,
    UnknownMessage,
};
use jupyter_zmq_client as zmq;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};

/// A message for one of the kernel's outgoing sockets.
pub enum Out {
    Shell(JupyterMessage),
    IoPub(JupyterMessage),
    Stdin(JupyterMessage),
}

fn log(what: &str) {
    eprintln!("nabla kernel: {what}");
}

/// Runs the kernel until a shutdown request or the parent's death.
pub fn run(connection_file: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(connection_file)
        .map_err(|e| format!("cannot read the connection file '{connection_file}': {e}"))?;
    let info: ConnectionInfo = serde_json::from_str(&text)
        .map_err(|e| format!("'{connection_file}' is not a Jupyter connection file: {e}"))?;
    if !info.key.is_empty() && info.signature_scheme != "hmac-sha256" {
        return Err(format!(
            "signature scheme '{}' is not supported (only hmac-sha256)",
            info.signature_scheme
        ));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the kernel's I/O threads: {e}"))?;
    let session_id = format!(
        "{:x}-{:x}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    );
    let (shell_tx, shell_rx) = mpsc::channel::<JupyterMessage>();
    let (input_tx, input_rx) = mpsc::channel::<String>();
    let (out_tx, mut out_rx) = unbounded_channel::<Out>();
    let mut session = Session::with_sink(Box::new(crate::eval::Capture::default()));
    let interrupt = session.interrupt_flag();

    let sockets = rt.block_on(async {
        let hb = zmq::create_kernel_heartbeat_connection(&info).await?;
        let shell = zmq::create_kernel_shell_connection(&info, &session_id).await?;
        let control = zmq::create_kernel_control_connection(&info, &session_id).await?;
        let stdin = zmq::create_kernel_stdin_connection(&info, &session_id).await?;
        let iopub = zmq::create_kernel_iopub_connection(&info, &session_id).await?;
        Ok::<_, zmq::RuntimeError>((hb, shell, control, stdin, iopub))
    });
    let (mut hb, shell, mut control, stdin, mut iopub) =
        sockets.map_err(|e| format!("cannot bind the kernel's sockets: {e}"))?;
    let (mut shell_send, mut shell_recv) = shell.split();
    let (mut stdin_send, mut stdin_recv) = stdin.split();

    rt.spawn(async move { while hb.single_heartbeat().await.is_ok() {} });
    rt.spawn(async move {
        loop {
            match read_message(&mut shell_recv).await {
                Ok(msg) => {
                    if shell_tx.send(msg).is_err() {
                        return;
                    }
                }
                Err(e) => dropped("shell", &e).await,
            }
        }
    });
    rt.spawn(async move {
        loop {
            match read_message(&mut stdin_recv).await {
                Ok(msg) => {
                    if let JupyterMessageContent::InputReply(r) = msg.content {
                        let _ = input_tx.send(r.value);
                    }
                }
                Err(e) => dropped("stdin", &e).await,
            }
        }
    });
    rt.spawn(async move {
        while let Some(out) = out_rx.recv().await {
            let r = match out {
                Out::Shell(m) => shell_send.send(m).await,
                Out::IoPub(m) => iopub.send(m).await,
                Out::Stdin(m) => stdin_send.send(m).await,
            };
            if let Err(e) = r {
                log(&format!("could not send a message: {e}"));
            }
        }
    });
    {
        let out = out_tx.clone();
        let interrupt = interrupt.clone();
        rt.spawn(async move {
            loop {
                let msg = match read_message(&mut control).await {
                    Ok(m) => m,
                    Err(e) => {
                        dropped("control", &e).await;
                        continue;
                    }
                };
                let _ = out.send(Out::IoPub(Status::busy().as_child_of(&msg)));
                let reply: Option<JupyterMessage> = match &msg.content {
                    JupyterMessageContent::KernelInfoRequest(_) => {
                        Some(kernel_info().as_child_of(&msg))
                    }
                    JupyterMessageContent::InterruptRequest(_) => {
                        interrupt.store(true, Ordering::Relaxed);
                        Some(
                            InterruptReply {
                                status: ReplyStatus::Ok,
                                error: None,
                            }
                            .as_child_of(&msg),
                        )
                    }
                    JupyterMessageContent::ShutdownRequest(req) => {
                        let reply = ShutdownReply {
                            restart: req.restart,
                            status: ReplyStatus::Ok,
                            error: None,
                        }
                        .as_child_of(&msg);
                        let _ = control.send(reply).await;
                        let _ = out.send(Out::IoPub(Status::idle().as_child_of(&msg)));
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                        std::process::exit(0);
                    }
                    other => {
                        log(&format!(
                            "control message '{}' is not handled",
                            other.message_type()
                        ));
                        None
                    }
                };
                if let Some(reply) = reply {
                    if let Err(e) = control.send(reply).await {
                        log(&format!("could not reply on control: {e}"));
                    }
                }
                let _ = out.send(Out::IoPub(Status::idle().as_child_of(&msg)));
            }
        });
    }
    exit_with_parent();

    let shared = Rc::new(RefCell::new(Shared::default()));
    session.set_sink(Box::new(KernelSink::new(
        out_tx.clone(),
        shared.clone(),
        input_rx,
        interrupt,
    )));
    session.color = true;
    let mut kernel = Kernel {
        session,
        out: out_tx,
        shared,
        count: 0,
        history: Vec::new(),
    };
    let _ = kernel
        .out
        .send(Out::IoPub(JupyterMessage::new(Status::starting(), None)));
    while let Ok(msg) = shell_rx.recv() {
        kernel.handle(msg);
    }
    Ok(())
}

/// Why a message was not read.
enum ReadError {
    /// The socket failed.
    Socket(String),
    /// A message came but is not taken: a bad signature, or it does not parse.
    Dropped(String),
}

/// Reads one message: its signature verified (a bad one is dropped), its content parsed with
/// the protocol's defaults filled in where a client leaves fields out.
async fn read_message<S: zeromq::SocketRecv>(
    conn: &mut zmq::Connection<S>,
) -> Result<JupyterMessage, ReadError> {
    let multipart = conn
        .socket
        .recv()
        .await
        .map_err(|e| ReadError::Socket(e.to_string()))?;
    decode(multipart, &conn.mac)
}

/// Decodes one multipart message as it came off a socket: identities, delimiter, signature,
/// the four JSON parts and any buffers. See `read_message`.
fn decode(
    multipart: zeromq::ZmqMessage,
    mac: &Option<ring::hmac::Key>,
) -> Result<JupyterMessage, ReadError> {
    let raw = zmq::RawMessage::from_multipart(multipart, mac)
        .map_err(|e| ReadError::Dropped(format!("{e} (bad signature or framing)")))?;
    let part = |i: usize| -> Result<serde_json::Value, ReadError> {
        serde_json::from_slice(&raw.jparts[i])
            .map_err(|e| ReadError::Dropped(format!("part {i} is not JSON: {e}")))
    };
    let (header, parent, metadata, mut content) = (part(0)?, part(1)?, part(2)?, part(3)?);
    let msg_type = header["msg_type"].as_str().unwrap_or_default().to_string();
    fill_defaults(&msg_type, &mut content);
    let value = serde_json::json!({
        "header": header,
        "parent_header": parent,
        "metadata": metadata,
        "content": content,
    });
    let mut msg = match JupyterMessage::from_value(value) {
        Ok(msg) => msg,
        Err(e) => {
            let why = format!("'{msg_type}' does not parse: {e}");
            // A request with a readable header is kept, as an unknown message carrying the
            // reason, so the shell can answer it with an error reply.
            let header: jupyter_protocol::Header =
                serde_json::from_value(header).map_err(|_| ReadError::Dropped(why.clone()))?;
            if !msg_type.ends_with("_request") {
                return Err(ReadError::Dropped(why));
            }
            JupyterMessage {
                zmq_identities: Vec::new(),
                header,
                parent_header: None,
                metadata: serde_json::json!({ MALFORMED: why }),
                content: JupyterMessageContent::UnknownMessage(UnknownMessage {
                    msg_type: msg_type.clone(),
                    content,
                }),
                buffers: Vec::new(),
                channel: None,
            }
        }
    };
    msg.zmq_identities = raw.zmq_identities;
    msg.buffers = raw.jparts.get(4..).map(<[_]>::to_vec).unwrap_or_default();
    Ok(msg)
}

/// The metadata key under which `read_message` records why a request did not parse.
const MALFORMED: &str = "nabla_malformed";

/// The fields the protocol lets a client leave out, at their documented defaults.
fn fill_defaults(msg_type: &str, content: &mut serde_json::Value) {
    let Some(c) = content.as_object_mut() else {
        return;
    };
    let mut default = |k: &str, v: serde_json::Value| {
        c.entry(k.to_string()).or_insert(v);
    };
    match msg_type {
        "history_request" => {
            default("output", false.into());
            default("raw", true.into());
            default("n", 0.into());
            default("unique", false.into());
            default("session", 0.into());
            default("start", 0.into());
            default("stop", 0.into());
            default("pattern", "*".into());
        }
        "execute_request" => {
            default("silent", false.into());
            default("store_history", true.into());
            default("user_expressions", serde_json::json!({}));
        }
        "inspect_request" => default("detail_level", 0.into()),
        _ => {}
    }
}

/// Logs a message that was dropped; waits a little after a socket error so a broken socket
/// does not spin.
async fn dropped(channel: &str, e: &ReadError) {
    match e {
        ReadError::Dropped(why) => log(&format!("dropped a {channel} message: {why}")),
        ReadError::Socket(why) => {
            log(&format!("{channel} socket: {why}"));
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

/// Exits when the process that started the kernel goes away (Jupyter's server killed).
fn exit_with_parent() {
    // Safety: getppid has no preconditions.
    let parent = unsafe { libc::getppid() };
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
        // Safety: as above.
        if unsafe { libc::getppid() } != parent {
            log("the parent process exited; shutting down");
            std::process::exit(0);
        }
    });
}

pub fn kernel_info() -> KernelInfoReply {
    KernelInfoReply {
        status: ReplyStatus::Ok,
        protocol_version: "5.3".into(),
        implementation: "nabla".into(),
        implementation_version: env!("CARGO_PKG_VERSION").into(),
        language_info: LanguageInfo {
            name: "nabla".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            mimetype: Some("text/x-python".into()),
            file_extension: Some(".nabla".into()),
            pygments_lexer: Some("python".into()),
            codemirror_mode: Some(CodeMirrorMode::Simple("python".into())),
            nbconvert_exporter: Some("python".into()),
        },
        banner: format!(
            "nabla {}: PyTorch's names, Rust underneath. help(x) or x? for help.",
            env!("CARGO_PKG_VERSION")
        ),
        help_links: vec![HelpLink {
            text: "PyTorch documentation".into(),
            url: "https://pytorch.org/docs/stable/".into(),
        }],
        debugger: false,
        error: None,
    }
}

struct Kernel {
    session: Session,
    out: UnboundedSender<Out>,
    shared: Rc<RefCell<Shared>>,
    count: usize,
    /// (execution count, input, output text) of every stored execution.
    history: Vec<(usize, String, String)>,
}

/// Byte offset of code point `cp` in `s` (the protocol counts code points).
fn byte_at(s: &str, cp: usize) -> usize {
    s.char_indices().nth(cp).map_or(s.len(), |(i, _)| i)
}

fn code_points(s: &str, byte: usize) -> usize {
    s.get(..byte.min(s.len())).map_or(0, |p| p.chars().count())
}

impl Kernel {
    fn iopub(&self, content: impl Into<JupyterMessageContent>, parent: &JupyterMessage) {
        let _ = self
            .out
            .send(Out::IoPub(JupyterMessage::new(content, Some(parent))));
    }

    fn reply(&self, content: impl Into<JupyterMessageContent>, parent: &JupyterMessage) {
        let _ = self
            .out
            .send(Out::Shell(JupyterMessage::new(content, Some(parent))));
    }

    fn handle(&mut self, msg: JupyterMessage) {
        self.iopub(Status::busy(), &msg);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.dispatch(&msg)));
        if let Err(payload) = r {
            log(&format!(
                "internal failure on '{}': {}",
                msg.message_type(),
                panic_message(payload.as_ref())
            ));
        }
        self.iopub(Status::idle(), &msg);
    }

    fn dispatch(&mut self, msg: &JupyterMessage) {
        let msg = msg.clone();
        let content = msg.content.clone();
        match content {
            JupyterMessageContent::ExecuteRequest(req) => self.execute(&msg, req),
            JupyterMessageContent::KernelInfoRequest(_) => {
                self.reply(kernel_info(), &msg);
            }
            JupyterMessageContent::CompleteRequest(req) => {
                let cursor = byte_at(&req.code, req.cursor_pos);
                let c = self.session.complete(&req.code, cursor);
                self.reply(
                    CompleteReply {
                        matches: c.items,
                        cursor_start: code_points(&req.code, c.start),
                        cursor_end: req.cursor_pos,
                        metadata: Default::default(),
                        status: ReplyStatus::Ok,
                        error: None,
                    },
                    &msg,
                );
            }
            JupyterMessageContent::InspectRequest(req) => {
                let cursor = byte_at(&req.code, req.cursor_pos);
                let name = name_at(&req.code, cursor);
                let detail = req.detail_level.unwrap_or(0).min(1) as u8;
                let text = (!name.is_empty())
                    .then(|| self.session.inspect(&name, detail))
                    .flatten();
                self.reply(
                    InspectReply {
                        found: text.is_some(),
                        data: Media {
                            content: text.map(MediaType::Plain).into_iter().collect(),
                        },
                        metadata: Default::default(),
                        status: ReplyStatus::Ok,
                        error: None,
                    },
                    &msg,
                );
            }
            JupyterMessageContent::IsCompleteRequest(req) => {
                let reply = match self.session.check(&req.code) {
                    Completeness::Complete => {
                        IsCompleteReply::new(IsCompleteReplyStatus::Complete, String::new())
                    }
                    Completeness::Invalid => {
                        IsCompleteReply::new(IsCompleteReplyStatus::Invalid, String::new())
                    }
                    Completeness::Incomplete => {
                        IsCompleteReply::new(IsCompleteReplyStatus::Incomplete, indent(&req.code))
                    }
                };
                self.reply(reply, &msg);
            }
            JupyterMessageContent::HistoryRequest(req) => {
                let history = self.history_entries(&req);
                self.reply(
                    HistoryReply {
                        history,
                        status: ReplyStatus::Ok,
                        error: None,
                    },
                    &msg,
                );
            }
            JupyterMessageContent::CommInfoRequest(_) => {
                self.reply(
                    CommInfoReply {
                        status: ReplyStatus::Ok,
                        comms: Default::default(),
                        error: None,
                    },
                    &msg,
                );
            }
            JupyterMessageContent::ShutdownRequest(req) => {
                self.reply(
                    ShutdownReply {
                        restart: req.restart,
                        status: ReplyStatus::Ok,
                        error: None,
                    },
                    &msg,
                );
                self.iopub(Status::idle(), &msg);
                std::thread::sleep(std::time::Duration::from_millis(100));
                std::process::exit(0);
            }
            JupyterMessageContent::UnknownMessage(u) if u.msg_type.ends_with("_request") => {
                let why = msg.metadata[MALFORMED]
                    .as_str()
                    .map(String::from)
                    .unwrap_or_else(|| format!("'{}' is not a request nabla knows", u.msg_type));
                log(&format!("answering a request with an error: {why}"));
                let reply_type = format!("{}_reply", u.msg_type.trim_end_matches("_request"));
                self.reply(
                    JupyterMessageContent::UnknownMessage(UnknownMessage {
                        msg_type: reply_type,
                        content: serde_json::json!({
                            "status": "error",
                            "ename": "BadRequest",
                            "evalue": why,
                            "traceback": [],
                        }),
                    }),
                    &msg,
                );
            }
            other => log(&format!(
                "shell message '{}' is not handled",
                other.message_type()
            )),
        }
    }

    fn execute(&mut self, msg: &JupyterMessage, req: ExecuteRequest) {
        let store = req.store_history && !req.silent;
        if store {
            self.count += 1;
        }
        let count = ExecutionCount::new(self.count);
        if !req.silent {
            self.iopub(
                ExecuteInput {
                    code: req.code.clone(),
                    execution_count: count,
                },
                msg,
            );
        }
        {
            let mut s = self.shared.borrow_mut();
            s.parent = Some(msg.clone());
            s.allow_stdin = req.allow_stdin;
            s.silent = req.silent;
        }
        // `x?` / `x??`: the answer goes to the pager.
        if let Some(page) = self.session.help_query(&req.code) {
            if store {
                self.history
                    .push((self.count, req.code.clone(), String::new()));
            }
            self.reply(
                ExecuteReply {
                    status: ReplyStatus::Ok,
                    execution_count: count,
                    payload: vec![Payload::Page {
                        data: Media {
                            content: vec![MediaType::Plain(page)],
                        },
                        start: 0,
                    }],
                    user_expressions: Some(Default::default()),
                    error: None,
                },
                msg,
            );
            return;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.session.eval_cell(&req.code)
        }))
        .unwrap_or_else(|payload| {
            let msg = panic_message(payload.as_ref());
            let evalue = format!(
                "nabla failed inside ({msg}). Your variables are kept; please report this with the cell that caused it."
            );
            Err(crate::eval::CellError {
                ename: "InternalError".into(),
                report: format!("InternalError: {evalue}"),
                evalue,
                exit_code: None,
            })
        });
        // As matplotlib's inline backend: figures still open show when the cell ends.
        self.session.show_open_figures();
        KernelSink::flush_shared(&self.shared, &self.out);
        let mut output = String::new();
        let reply = match result {
            Ok(value) => {
                if let Some(bundle) = value {
                    if let Some((_, t)) = bundle.iter().find(|(m, _)| m == "text/plain") {
                        output = t.clone();
                    }
                    if !req.silent {
                        self.iopub(
                            ExecuteResult {
                                execution_count: count,
                                data: media(&bundle),
                                metadata: Default::default(),
                                transient: Some(Transient { display_id: None }),
                            },
                            msg,
                        );
                    }
                }
                ExecuteReply {
                    status: ReplyStatus::Ok,
                    execution_count: count,
                    payload: Vec::new(),
                    user_expressions: Some(Default::default()),
                    error: None,
                }
            }
            Err(e) => {
                let traceback: Vec<String> = e.report.lines().map(String::from).collect();
                if !req.silent {
                    self.iopub(
                        ErrorOutput {
                            ename: e.ename.clone(),
                            evalue: e.evalue.clone(),
                            traceback: traceback.clone(),
                        },
                        msg,
                    );
                }
                ExecuteReply {
                    status: ReplyStatus::Error,
                    execution_count: count,
                    payload: Vec::new(),
                    user_expressions: None,
                    error: Some(Box::new(ReplyError {
                        ename: e.ename,
                        evalue: e.evalue,
                        traceback,
                    })),
                }
            }
        };
        if store {
            self.history.push((self.count, req.code.clone(), output));
        }
        self.shared.borrow_mut().parent = None;
        self.reply(reply, msg);
    }

    fn history_entries(&self, req: &HistoryRequest) -> Vec<HistoryEntry> {
        let entry = |output: bool, (n, input, out): &(usize, String, String)| {
            if output {
                HistoryEntry::InputOutput(0, *n, (input.clone(), out.clone()))
            } else {
                HistoryEntry::Input(0, *n, input.clone())
            }
        };
        fn last<T>(items: Vec<T>, n: i32) -> Vec<T> {
            let skip = items.len().saturating_sub(n.max(0) as usize);
            items.into_iter().skip(skip).collect()
        }
        match req {
            HistoryRequest::Tail { n, output, .. } => last(self.history.iter().collect(), *n)
                .into_iter()
                .map(|h| entry(*output, h))
                .collect(),
            HistoryRequest::Range {
                start,
                stop,
                output,
                ..
            } => {
                let (start, stop) = (*start as i64, *stop as i64);
                let total = self.count as i64 + 1;
                // Negative positions count from the end, as IPython's do.
                let fix = |v: i64| if v < 0 { total + v } else { v };
                let (start, stop) = (fix(start), fix(stop));
                self.history
                    .iter()
                    .filter(|(n, _, _)| (*n as i64) >= start && (stop <= 0 || (*n as i64) < stop))
                    .map(|h| entry(*output, h))
                    .collect()
            }
            HistoryRequest::Search {
                pattern,
                unique,
                output,
                n,
                ..
            } => {
                let mut found: Vec<&(usize, String, String)> = self
                    .history
                    .iter()
                    .filter(|(_, input, _)| glob(pattern, input))
                    .collect();
                if *unique {
                    // Keep the latest of repeated inputs.
                    let mut seen = std::collections::HashSet::new();
                    let mut kept: Vec<_> = found
                        .into_iter()
                        .rev()
                        .filter(|(_, input, _)| seen.insert(input.clone()))
                        .collect();
                    kept.reverse();
                    found = kept;
                }
                let found = if *n > 0 { last(found, *n) } else { found };
                found.into_iter().map(|h| entry(*output, h)).collect()
            }
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown cause".into())
}

/// The dotted name around byte `cursor` (what `?` or Shift-Tab asks about).
fn name_at(code: &str, cursor: usize) -> String {
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let cursor = cursor.min(code.len());
    let before = code.get(..cursor).unwrap_or("");
    let after = code.get(cursor..).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_name(*c))
        .last()
        .map_or(cursor, |(i, _)| i);
    let end = cursor
        + after
            .char_indices()
            .find(|(_, c)| !is_name(*c))
            .map_or(after.len(), |(i, _)| i);
    let mut name = code
        .get(start..end)
        .unwrap_or("")
        .trim_matches('.')
        .to_string();
    // `f(` with the cursor after the bracket asks about f.
    if name.is_empty() {
        let trimmed = before.trim_end();
        if let Some(stripped) = trimmed.strip_suffix('(') {
            return name_at(stripped, stripped.len());
        }
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.clear();
    }
    name
}

/// The indent the next line of an incomplete cell wants: one level deeper after a `:`.
fn indent(code: &str) -> String {
    let last = code.lines().last().unwrap_or("");
    let base: String = last.chars().take_while(|c| *c == ' ').collect();
    if last.trim_end().ends_with(':') {
        format!("{base}    ")
    } else {
        base
    }
}

/// IPython's history search pattern: `*` any run, `?` one character; the whole input.
fn glob(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('*', rest)) => (0..=t.len()).any(|i| go(rest, &t[i..])),
            Some(('?', rest)) => !t.is_empty() && go(rest, &t[1..]),
            Some((c, rest)) => t.first() == Some(c) && go(rest, &t[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    if p.len() > 200 || t.len() > 10_000 {
        return text.contains(pattern.trim_matches('*'));
    }
    go(&p, &t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_under_the_cursor() {
        assert_eq!(name_at("torch.zeros(3)", 8), "torch.zeros");
        assert_eq!(name_at("x = torch.zeros(", 16), "torch.zeros");
        assert_eq!(name_at("print", 5), "print");
        assert_eq!(name_at("1 + 2", 1), "");
        assert_eq!(name_at("héllo", 3), "héllo");
    }

    #[test]
    fn history_patterns_and_indents() {
        assert!(glob("a*", "a = 1"));
        assert!(glob("*torch*", "x = torch.ones(2)"));
        assert!(!glob("b*", "a = 1"));
        assert!(glob("?=1", "a=1"));
        assert_eq!(indent("for i in range(3):"), "    ");
        assert_eq!(indent("if x:\n    y = (1,"), "    ");
    }

    fn parse(msg_type: &str, mut content: serde_json::Value) -> JupyterMessage {
        fill_defaults(msg_type, &mut content);
        let v = serde_json::json!({
            "header": {
                "msg_id": "1", "username": "u", "session": "s",
                "date": "2026-11-22T00:00:00Z", "msg_type": msg_type, "version": "5.3"
            },
            "parent_header": {},
            "metadata": {},
            "content": content,
        });
        JupyterMessage::from_value(v).unwrap()
    }

    #[test]
    fn requests_with_fields_left_out_get_the_protocol_defaults() {
        // jupyter_client sends a search without n or unique.
        let m = parse(
            "history_request",
            serde_json::json!({"hist_access_type": "search", "pattern": "a*", "raw": true, "output": false}),
        );
        assert!(matches!(
            m.content,
            JupyterMessageContent::HistoryRequest(HistoryRequest::Search {
                n: 0,
                unique: false,
                ..
            })
        ));
        let m = parse("execute_request", serde_json::json!({"code": "1 + 1"}));
        match m.content {
            JupyterMessageContent::ExecuteRequest(r) => {
                assert_eq!(r.code, "1 + 1");
                assert!(!r.silent && r.store_history);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn replies_serialise_as_the_schema_wants() {
        // An execute_result's transient is an object, never null.
        let r = ExecuteResult {
            execution_count: ExecutionCount::new(3),
            data: media(&vec![("text/plain".into(), "42".into())]),
            metadata: Default::default(),
            transient: Some(Transient { display_id: None }),
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["transient"], serde_json::json!({}));
        assert_eq!(v["data"]["text/plain"], "42");
        assert_eq!(v["execution_count"], 3);
        let info = serde_json::to_value(kernel_info()).unwrap();
        assert_eq!(info["language_info"]["name"], "nabla");
        assert_eq!(info["language_info"]["file_extension"], ".nabla");
        assert_eq!(info["language_info"]["mimetype"], "text/x-python");
    }

    /// The frames a client sends: identities, delimiter, HMAC-SHA256 of the four JSON parts
    /// in lower-case hex (empty without a key), the parts, then buffers.
    fn frames(key: &str, parts: &[&[u8]], buffers: &[&[u8]]) -> Vec<Vec<u8>> {
        let signature = if key.is_empty() {
            String::new()
        } else {
            let k = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key.as_bytes());
            let tag = ring::hmac::sign(&k, &parts.concat());
            tag.as_ref().iter().map(|b| format!("{b:02x}")).collect()
        };
        let mut f = vec![
            b"client-7".to_vec(),
            b"<IDS|MSG>".to_vec(),
            signature.into_bytes(),
        ];
        f.extend(parts.iter().chain(buffers).map(|p| p.to_vec()));
        f
    }

    fn mac(key: &str) -> Option<ring::hmac::Key> {
        (!key.is_empty()).then(|| ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key.as_bytes()))
    }

    fn decode_frames(frames: Vec<Vec<u8>>, key: &str) -> Result<JupyterMessage, String> {
        let mut frames = frames.into_iter();
        let mut multipart = zeromq::ZmqMessage::from(frames.next().unwrap());
        for f in frames {
            multipart.push_back(f.into());
        }
        decode(multipart, &mac(key)).map_err(|e| match e {
            ReadError::Dropped(why) => why,
            ReadError::Socket(why) => panic!("no socket here: {why}"),
        })
    }

    fn header(msg_type: &str) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "msg_id": "m1", "username": "u", "session": "s",
            "date": "2026-11-22T00:00:00Z", "msg_type": msg_type, "version": "5.3"
        }))
        .unwrap()
    }

    #[test]
    fn a_signed_request_decodes_with_identities_buffers_and_defaults() {
        let h = header("execute_request");
        let parts: [&[u8]; 4] = [&h, b"{}", b"{}", br#"{"code": "x = 1"}"#];
        let m = decode_frames(frames("secret", &parts, &[b"\x00\x01"]), "secret").unwrap();
        assert_eq!(m.header.msg_type, "execute_request");
        assert_eq!(m.zmq_identities.len(), 1);
        assert_eq!(m.zmq_identities[0].as_ref(), b"client-7");
        assert_eq!(m.buffers.len(), 1);
        assert_eq!(m.buffers[0].as_ref(), b"\x00\x01");
        match m.content {
            JupyterMessageContent::ExecuteRequest(r) => {
                assert_eq!(r.code, "x = 1");
                assert!(!r.silent && r.store_history);
            }
            other => panic!("{other:?}"),
        }
        // Without a key (an empty key in the connection file) nothing is signed or checked.
        assert!(decode_frames(frames("", &parts, &[]), "").is_ok());
    }

    #[test]
    fn bad_signatures_are_dropped() {
        let h = header("execute_request");
        let parts: [&[u8]; 4] = [&h, b"{}", b"{}", br#"{"code": "1"}"#];
        // Signed with another key.
        let why = decode_frames(frames("other", &parts, &[]), "secret").unwrap_err();
        assert!(why.contains("bad signature"), "{why}");
        // Unsigned, where the kernel has a key.
        assert!(decode_frames(frames("", &parts, &[]), "secret").is_err());
        // Content changed after signing: the code to run is not what was signed.
        let mut f = frames("secret", &parts, &[]);
        f[6] = br#"{"code": "import os"}"#.to_vec();
        assert!(decode_frames(f, "secret").is_err());
        // A signature that is not hex.
        let mut f = frames("secret", &parts, &[]);
        f[2] = b"zz".to_vec();
        assert!(decode_frames(f, "secret").is_err());
    }

    #[test]
    fn broken_framing_and_json_are_dropped() {
        let h = header("execute_request");
        let parts: [&[u8]; 4] = [&h, b"{}", b"{}", br#"{"code": "1"}"#];
        let mut f = frames("k", &parts, &[]);
        f.remove(1);
        assert!(decode_frames(f, "k").is_err(), "no delimiter");
        let mut f = frames("k", &parts, &[]);
        f.truncate(5);
        assert!(decode_frames(f, "k").is_err(), "two parts missing");
        let bad: [&[u8]; 4] = [&h, b"{}", b"{}", b"{not json"];
        let why = decode_frames(frames("k", &bad, &[]), "k").unwrap_err();
        assert!(why.contains("not JSON"), "{why}");
        // A reply that does not parse is no request to answer: dropped.
        let h = header("execute_reply");
        let odd: [&[u8]; 4] = [&h, b"{}", b"{}", br#"{"status": 7}"#];
        assert!(decode_frames(frames("k", &odd, &[]), "k").is_err());
    }

    #[test]
    fn requests_that_do_not_parse_are_kept_to_be_answered() {
        for (msg_type, content) in [
            ("execute_request", br#"{"code": 5}"#.as_slice()),
            ("frobnicate_request", br#"{"x": 1}"#.as_slice()),
        ] {
            let h = header(msg_type);
            let parts: [&[u8]; 4] = [&h, b"{}", b"{}", content];
            let m = decode_frames(frames("k", &parts, &[]), "k").unwrap();
            assert_eq!(m.header.msg_type, msg_type);
            assert!(matches!(
                m.content,
                JupyterMessageContent::UnknownMessage(_)
            ));
            // A known type whose content is wrong carries the reason; an unknown type is
            // answered as one.
            assert_eq!(
                m.metadata[MALFORMED].is_string(),
                msg_type == "execute_request",
                "{msg_type}"
            );
        }
    }

    #[test]
    fn replies_round_trip_through_the_wire_format() {
        let h = header("kernel_info_request");
        let parts: [&[u8]; 4] = [&h, b"{}", b"{}", b"{}"];
        let request = decode_frames(frames("k", &parts, &[]), "k").unwrap();
        let reply = JupyterMessage::new(kernel_info(), Some(&request));
        let json = |v: serde_json::Value| serde_json::to_vec(&v).unwrap();
        let h = json(serde_json::to_value(&reply.header).unwrap());
        let p = json(serde_json::to_value(&reply.parent_header).unwrap());
        let c = json(serde_json::to_value(&reply.content).unwrap());
        let parts: [&[u8]; 4] = [&h, &p, b"{}", &c];
        let back = decode_frames(frames("k", &parts, &[]), "k").unwrap();
        assert_eq!(back.header.msg_type, "kernel_info_reply");
        assert_eq!(back.parent_header.unwrap().msg_id, "m1");
        match back.content {
            JupyterMessageContent::KernelInfoReply(info) => {
                assert_eq!(info.implementation, "nabla");
                assert_eq!(info.language_info.name, "nabla");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn code_points_and_bytes() {
        assert_eq!(byte_at("é1", 1), 2);
        assert_eq!(byte_at("ab", 9), 2);
        assert_eq!(code_points("é1", 2), 1);
    }
}

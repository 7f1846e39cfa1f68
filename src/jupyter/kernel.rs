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

use super::handlers::{kernel_info, Kernel};
use super::sink::{KernelSink, Shared};
use crate::eval::Session;
use jupyter_protocol::{
    ConnectionInfo, InterruptReply, JupyterMessage, JupyterMessageContent, ReplyStatus,
    ShutdownReply, Status, UnknownMessage,
};
use jupyter_zmq_client as zmq;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use tokio::sync::mpsc::unbounded_channel;

/// A message for one of the kernel's outgoing sockets.
pub enum Out {
    Shell(JupyterMessage),
    IoPub(JupyterMessage),
    Stdin(JupyterMessage),
}

pub(super) fn log(what: &str) {
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
pub(super) enum ReadError {
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
pub(super) fn decode(
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
pub(super) const MALFORMED: &str = "nabla_malformed";

/// The fields the protocol lets a client leave out, at their documented defaults.
pub(super) fn fill_defaults(msg_type: &str, content: &mut serde_json::Value) {
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

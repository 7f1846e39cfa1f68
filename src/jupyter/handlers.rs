//! The kernel's message handlers: one method of `Kernel` per request type (execute,
//! complete, inspect, history, is_complete, comm_info, kernel_info), run on the main thread
//! where the `Session` lives. A new message type's handler goes here; the sockets that
//! carry it are in kernel.rs.

use super::kernel::{log, Out, MALFORMED};
use super::sink::{media, KernelSink, Shared};
use crate::eval::{Completeness, Session};
use jupyter_protocol::{
    CodeMirrorMode, CommInfoReply, CompleteReply, ErrorOutput, ExecuteInput, ExecuteReply,
    ExecuteRequest, ExecuteResult, ExecutionCount, HelpLink, HistoryEntry, HistoryReply,
    HistoryRequest, InspectReply, IsCompleteReply, IsCompleteReplyStatus, JupyterMessage,
    JupyterMessageContent, KernelInfoReply, LanguageInfo, Media, MediaType, Payload, ReplyError,
    ReplyStatus, ShutdownReply, Status, Transient, UnknownMessage,
};
use std::cell::RefCell;
use std::rc::Rc;
use tokio::sync::mpsc::UnboundedSender;

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

pub(super) struct Kernel {
    pub(super) session: Session,
    pub(super) out: UnboundedSender<Out>,
    pub(super) shared: Rc<RefCell<Shared>>,
    pub(super) count: usize,
    /// (execution count, input, output text) of every stored execution.
    pub(super) history: Vec<(usize, String, String)>,
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

    pub(super) fn handle(&mut self, msg: JupyterMessage) {
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
    use super::super::kernel::{decode, fill_defaults, ReadError};
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

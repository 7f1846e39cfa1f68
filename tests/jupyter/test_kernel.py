"""The Jupyter project's kernel conformance suite (jupyter_kernel_test) against nabla's
kernel, with every sample attribute set; plus the kernel's own protocol checks: a message
with a bad signature is dropped, not executed; interrupt stops a running cell and keeps
state; figures and small tensors come as display data.

Run by tests/jupyter.rs (cargo test) with the kernelspec installed in the test venv."""
import re
import time
import unittest

import jupyter_kernel_test as jkt
from jupyter_client.manager import start_new_kernel


class NablaKernelTests(jkt.KernelTests):
    kernel_name = "nabla"
    language_name = "nabla"
    file_extension = ".nabla"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys\nprint('to stderr', file=sys.stderr)"
    completion_samples = [
        {"text": "pri", "matches": {"print"}},
        {"text": "torch.zer", "matches": {"zeros", "zeros_like"}},
    ]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n    return x\n"]
    incomplete_code_samples = ["for i in range(3):", "x = (1 +", "def f(x):"]
    invalid_code_samples = ["1 +* 2", "x = = 1"]
    code_page_something = "torch.zeros?"
    code_generate_error = "raise ValueError('boom')"
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "torch.ones(2)", "result": "tensor([1., 1.])"},
        {"code": "'a' + 'b'", "result": "'ab'"},
    ]
    code_display_data = [
        {"code": "plt.plot([1, 2, 3])\nplt.show()", "mime": "image/png"},
        {"code": "display(torch.eye(2))", "mime": "text/html"},
    ]
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "torch.zeros"
    code_clear_output = "clear_output()"


class NablaProtocolTests(unittest.TestCase):
    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name="nabla")

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=20):
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=self.collect)
        return reply

    def collect(self, msg):
        self.outputs.append(msg)

    def test_malformed_requests_get_error_replies(self):
        for msg_type, content in [("execute_request", {"code": 5}), ("frobnicate_request", {})]:
            msg = self.kc.session.msg(msg_type, content=content)
            self.kc.shell_channel.send(msg)
            reply = self.kc.get_shell_msg(timeout=20)
            self.assertEqual(reply["parent_header"]["msg_id"], msg["header"]["msg_id"])
            self.assertEqual(reply["msg_type"], msg_type.replace("_request", "_reply"))
            self.assertEqual(reply["content"]["status"], "error")
            self.assertEqual(reply["content"]["ename"], "BadRequest")
        self.outputs = []
        reply = self.run_cell("print('still here')")
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"].get("text", "") for m in self.outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "still here\n")

    def test_bad_signature_is_dropped(self):
        self.outputs = []
        self.run_cell("x = 1")
        key = self.kc.session.key
        self.kc.session.key = b"not-the-key"
        self.kc.execute("x = 2")
        time.sleep(1.0)
        self.kc.session.key = key
        self.outputs = []
        reply = self.run_cell("print(x)")
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"].get("text", "") for m in self.outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "1\n")

    def test_interrupt_stops_a_cell_and_keeps_state(self):
        self.outputs = []
        self.run_cell("kept = 41")
        msg_id = self.kc.execute("while True:\n    pass")
        # An interrupt that comes before the cell starts is stale and does not count: wait
        # until the kernel has taken the cell.
        while True:
            msg = self.kc.get_iopub_msg(timeout=20)
            if msg["msg_type"] == "execute_input" and msg["parent_header"].get("msg_id") == msg_id:
                break
        time.sleep(0.3)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=20)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        self.outputs = []
        self.run_cell("print(kept + 1)")
        text = "".join(m["content"].get("text", "") for m in self.outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "42\n")

    def test_figure_at_cell_end_and_tensor_html(self):
        self.outputs = []
        self.run_cell("plt.plot([1, 4, 9])")
        images = [m for m in self.outputs if m["msg_type"] == "display_data"]
        self.assertEqual(len(images), 1)
        self.assertIn("image/png", images[0]["content"]["data"])
        self.outputs = []
        self.run_cell("torch.arange(6).view(2, 3)")
        results = [m for m in self.outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "tensor([[0, 1, 2],\n        [3, 4, 5]])")
        self.assertIn("<table", results[0]["content"]["data"]["text/html"])

    def test_progress_bar_updates_one_display(self):
        self.outputs = []
        self.run_cell("import time\nfor i in tqdm(range(3)):\n    time.sleep(0.15)")
        shown = [m for m in self.outputs if m["msg_type"] == "display_data"]
        updates = [m for m in self.outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertGreaterEqual(len(updates), 1)
        ids = {m["content"]["transient"]["display_id"] for m in shown + updates}
        self.assertEqual(len(ids), 1)
        self.assertIn("100%", updates[-1]["content"]["data"]["text/plain"])

    def test_live_plot_updates_one_display(self):
        self.outputs = []
        self.run_cell(
            "import time\nlive = plt.live(title='loss')\nfor i in range(3):\n"
            "    live.update(loss=1 / (i + 1))\n    time.sleep(0.25)\nlive.close()"
        )
        shown = [m for m in self.outputs if m["msg_type"] == "display_data"]
        updates = [m for m in self.outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertGreaterEqual(len(updates), 2)
        self.assertIn("image/png", updates[-1]["content"]["data"])
        ids = {m["content"]["transient"]["display_id"] for m in shown + updates}
        self.assertEqual(len(ids), 1)

    def test_input_over_stdin(self):
        self.outputs = []
        prompts = []

        def answer(msg):
            prompts.append(msg["content"]["prompt"])
            self.kc.input("Ada")

        self.kc.execute_interactive(
            "name = input('who? ')\nprint('hi', name)",
            allow_stdin=True,
            stdin_hook=answer,
            output_hook=self.collect,
            timeout=20,
        )
        self.assertEqual(prompts, ["who? "])
        text = "".join(m["content"].get("text", "") for m in self.outputs if m["msg_type"] == "stream")
        self.assertEqual(text, "hi Ada\n")

    def test_errors_reply_with_traceback(self):
        self.outputs = []
        reply = self.run_cell("torch.ones(2) @ torch.ones(3)")
        self.assertEqual(reply["content"]["status"], "error")
        errs = [m for m in self.outputs if m["msg_type"] == "error"]
        self.assertEqual(errs[0]["content"]["ename"], "RuntimeError")
        plain = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(errs[0]["content"]["traceback"]))
        self.assertIn("torch.ones(2) @ torch.ones(3)", plain)

    def test_imports_from_the_working_folder_and_autoreloads(self):
        # The kernel runs in this folder (the client's): a module beside the notebook.
        import os
        path = os.path.join(os.getcwd(), "nabla_kernel_tmp_mod.py")
        def write(text, bump):
            with open(path, "w") as f:
                f.write(text)
            t = time.time() + bump
            os.utime(path, (t, t))
        try:
            write("def answer():\n    return 41\n", 0)
            self.outputs = []
            self.run_cell("%load_ext autoreload\n%autoreload 2\nimport nabla_kernel_tmp_mod as m\nprint(m.answer())")
            write("def answer():\n    return 42\n", 10)
            self.run_cell("print(m.answer())")
            text = "".join(o["content"]["text"] for o in self.outputs if o["msg_type"] == "stream")
            self.assertEqual(text, "41\n42\n")
        finally:
            os.remove(path)


if __name__ == "__main__":
    unittest.main()

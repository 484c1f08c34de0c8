"""The Node bootstrap behaves as AWS's Node runtime (client 3.x) does, run with the real `node`."""

from __future__ import annotations

import pytest

from golden.outcome import Crash, Timeout
from golden.sides.function import FunctionFacts
from tests.golden.conftest import NODE, MakeNode
from tests.golden.expect import error, init_error, success

pytestmark = pytest.mark.slow


# -- loading ---------------------------------------------------------------------------------------


def test_commonjs_async_handler_echoes_the_event(node: MakeNode) -> None:
    outcome = node("behaviours.echo").invoke({"a": [1, 2], "b": None})
    assert success(outcome).value == {"a": [1, 2], "b": None}
    assert success(outcome).payload == b'{"a":[1,2],"b":null}'
    assert outcome.cold and outcome.timing.init_ms is not None and outcome.timing.init_ms > 0


def test_nested_export(node: MakeNode) -> None:
    assert success(node("behaviours.nested.deeper.handler").invoke({"x": 1})).value == {
        "nested": True,
        "event": {"x": 1},
    }


def test_esm_mjs_with_top_level_await(node: MakeNode) -> None:
    value = success(node("handler.handler", root="esm").invoke({"x": 1})).value
    assert value == {"greeting": "hello from .mjs", "event": {"x": 1}}


def test_js_under_type_module_is_imported_as_esm(node: MakeNode) -> None:
    assert success(node("index.handler", root="typemodule").invoke({})).value == {"module": "esm"}


def test_cjs_extension(node: MakeNode) -> None:
    assert success(node("ext.handler").invoke({})).value == "from .cjs"


def test_missing_export_is_handler_not_found(node: MakeNode) -> None:
    outcome = node("behaviours.nothingHere").invoke({})
    assert init_error(outcome).type == "Runtime.HandlerNotFound"
    assert init_error(outcome).message == "behaviours.nothingHere is undefined or not exported"
    assert outcome.timing.init_ms is not None and outcome.timing.duration_ms is None


def test_export_that_is_not_a_function(node: MakeNode) -> None:
    assert init_error(node("behaviours.notAFunction").invoke({})).message == (
        "behaviours.notAFunction is not a function"
    )


def test_missing_dependency_is_import_module_error(node: MakeNode) -> None:
    failure = init_error(node("missingDependency.handler", root="broken").invoke({}))
    assert failure.type == "Runtime.ImportModuleError"
    assert failure.message.startswith("Error: Cannot find module 'golden-package-that-does-not-exist'")


def test_missing_file_is_import_module_error(node: MakeNode) -> None:
    assert (
        init_error(node("noSuchFile.handler", root="broken").invoke({})).type == "Runtime.ImportModuleError"
    )


def test_syntax_error_is_user_code_syntax_error(node: MakeNode) -> None:
    failure = init_error(node("syntax.handler", root="broken").invoke({}))
    assert failure.type == "Runtime.UserCodeSyntaxError"
    assert failure.message.startswith("SyntaxError:")


def test_error_thrown_at_init_is_posted_as_is(node: MakeNode) -> None:
    failure = init_error(node("throwsAtInit.handler", root="broken").invoke({}))
    assert (failure.type, failure.message) == ("Error", "cannot start: CONFIG missing")


def test_init_error_is_retried_on_a_fresh_runtime(node: MakeNode) -> None:
    runner = node("behaviours.nothingHere")
    first, second = runner.invoke({}), runner.invoke({})
    assert init_error(first).type == init_error(second).type == "Runtime.HandlerNotFound"
    assert len(runner.process_groups) == 2


# -- handler styles --------------------------------------------------------------------------------


def test_async_undefined_result_is_null(node: MakeNode) -> None:
    assert success(node("behaviours.undefinedResult").invoke({})).payload == b"null"


def test_callback_waits_for_the_empty_event_loop_by_default(node: MakeNode) -> None:
    outcome = node("behaviours.callbackWait").invoke({})
    assert success(outcome).value == {"waited": True}
    assert outcome.timing.duration_ms is not None and outcome.timing.duration_ms >= 250  # the 300 ms timer


def test_callback_without_waiting_answers_at_once(node: MakeNode) -> None:
    outcome = node("behaviours.callbackNoWait").invoke({})
    assert success(outcome).value == {"waited": False}
    assert outcome.timing.duration_ms is not None and outcome.timing.duration_ms < 250


def test_only_the_first_callback_call_counts(node: MakeNode) -> None:
    assert success(node("behaviours.callbackTwice").invoke({})).value == "first"


def test_callback_error(node: MakeNode) -> None:
    failure = error(node("behaviours.callbackError").invoke({}))
    assert (failure.type, failure.message) == ("ValidationError", "bad input")


def test_callback_with_a_string_error(node: MakeNode) -> None:
    failure = error(node("behaviours.callbackStringError").invoke({}))
    assert (failure.type, failure.message, failure.trace) == ("string", "just a string", ())


@pytest.mark.parametrize(
    ("handler", "value"),
    [("behaviours.contextSucceed", {"via": "succeed"}), ("behaviours.contextDone", {"via": "done"})],
)
def test_context_succeed_and_done(node: MakeNode, handler: str, value: object) -> None:
    assert success(node(handler).invoke({})).value == value


def test_context_fail(node: MakeNode) -> None:
    assert error(node("behaviours.contextFail").invoke({})).message == "via fail"


def test_sync_handler_return_value_is_ignored(node: MakeNode) -> None:
    # The 3.x client only looks at promises: a plain return value is dropped and, once the event loop
    # is empty, a non-async handler that never called back gets a null response.
    assert success(node("behaviours.syncReturn").invoke({})).payload == b"null"


def test_sync_handler_returning_a_promise(node: MakeNode) -> None:
    assert success(node("behaviours.syncPromise").invoke({"value": 5})).value == {"fromPromise": 5}


def test_never_settling_async_handler_is_node_js_exit_and_stays_warm(node: MakeNode) -> None:
    runner = node("behaviours.neverSettles")
    first, second = runner.invoke({}), runner.invoke({})
    assert error(first).type == error(second).type == "Runtime.NodeJsExit"
    assert "never settled" in error(first).message
    assert not second.cold and len(runner.process_groups) == 1


def test_never_settling_promise_from_a_sync_handler_is_null(node: MakeNode) -> None:
    assert success(node("behaviours.neverSettlesSync").invoke({})).payload == b"null"


def test_warm_runtime_keeps_module_state(node: MakeNode) -> None:
    runner = node("behaviours.counter")
    assert [success(runner.invoke({})).value for _ in range(3)] == [1, 2, 3]


def test_a_handler_that_patches_http_does_not_touch_the_runtime_client(node: MakeNode) -> None:
    runner = node("behaviours.breaksHttp")
    assert [success(runner.invoke({})).value for _ in range(2)] == ["still answered"] * 2
    assert len(runner.process_groups) == 1


# -- errors ----------------------------------------------------------------------------------------


def test_error_subclass_that_sets_its_name(node: MakeNode) -> None:
    failure = error(node("behaviours.throwNamed").invoke({}))
    assert (failure.type, failure.message) == ("ValidationError", "bad email")
    assert failure.trace[0] == "ValidationError: bad email"
    assert any("behaviours.js" in line for line in failure.trace)


def test_error_subclass_without_a_name_reports_error(node: MakeNode) -> None:
    failure = error(node("behaviours.throwUnnamed").invoke({}))
    assert (failure.type, failure.message) == ("Error", "no name set")


def test_an_error_name_no_header_can_carry(node: MakeNode) -> None:
    failure = error(node("behaviours.throwUnicodeName").invoke({}))
    assert (failure.type, failure.message) == ("Ошибка\r\nX-Injected: 1", "bad\nline")


def test_thrown_string(node: MakeNode) -> None:
    failure = error(node("behaviours.throwString").invoke({}))
    assert (failure.type, failure.message, failure.trace) == ("string", "plain string", ())


def test_synchronous_throw(node: MakeNode) -> None:
    assert error(node("behaviours.throwSync").invoke({})).type == "TypeError"


def test_unserialisable_result(node: MakeNode) -> None:
    assert error(node("behaviours.unserialisable").invoke({})).message == "Unable to stringify response body"


def test_unhandled_rejection_then_a_fresh_runtime(node: MakeNode) -> None:
    runner = node("behaviours.unhandledRejection")
    first = runner.invoke({})
    assert error(first).type == "Runtime.UnhandledPromiseRejection"
    assert error(first).message == "Error: nobody listens"
    second = runner.invoke({})  # the runtime exited (128) after posting: the next invoke is cold
    assert error(second).type == "Runtime.UnhandledPromiseRejection" and second.cold


def test_uncaught_exception_in_a_timer(node: MakeNode) -> None:
    failure = error(node("behaviours.uncaught").invoke({}))
    assert (failure.type, failure.message) == ("RangeError", "from a timer")


# -- context and environment -----------------------------------------------------------------------


def test_context_fields(node: MakeNode, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEYMUSTNOTLEAK")
    function = FunctionFacts(name="orders", memory_mb=256, timeout_s=2, region="eu-west-1")
    runner = node("behaviours.context", function=function, env={"GOLDEN_EXTRA": "from env file"})
    outcome = runner.invoke({})
    value = success(outcome).value
    assert isinstance(value, dict)
    assert value["awsRequestId"] == outcome.request_id
    assert value["functionName"] == "orders"
    assert value["functionVersion"] == "$LATEST"
    assert value["invokedFunctionArn"] == "arn:aws:lambda:eu-west-1:123456789012:function:orders"
    assert value["memoryLimitInMB"] == "256"  # a string, as in Lambda
    assert value["logGroupName"] == "/aws/lambda/orders"
    assert isinstance(value["logStreamName"], str) and "[$LATEST]" in value["logStreamName"]
    assert isinstance(value["remaining"], int) and 1500 < value["remaining"] <= 2000
    assert value["waits"] is True
    assert isinstance(value["traceId"], str) and value["traceId"].startswith("Root=1-")
    env = value["env"]
    assert isinstance(env, dict) and "golden-home-" in str(env.pop("HOME"))  # a fresh, empty HOME
    assert env == {
        "AWS_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "AKIAGOLDENFAKEKEY000",
        "TZ": "UTC",
        "LAMBDA_TASK_ROOT": str(NODE / "cjs"),
        "AWS_EXECUTION_ENV": "AWS_Lambda_nodejs20.x",
        "GOLDEN_EXTRA": "from env file",
    }
    assert value["cwd"] == str(NODE / "cjs")


def test_remaining_time_decreases(node: MakeNode) -> None:
    value = success(node("behaviours.remaining").invoke({})).value
    assert isinstance(value, dict)
    before, after = value["before"], value["after"]
    assert isinstance(before, int) and isinstance(after, int)
    assert 80 <= before - after <= 1000


# -- timeouts and crashes --------------------------------------------------------------------------


def test_timeout_kills_and_the_next_invoke_is_cold(node: MakeNode) -> None:
    runner = node("behaviours.sleep", function=FunctionFacts(name="slow", timeout_s=0.5))
    first = runner.invoke({"ms": 5000})
    assert first.result == Timeout(0.5, "invoke")
    second = runner.invoke({"ms": 1})
    assert success(second).value == "slept" and second.cold
    assert len(runner.process_groups) == 2


def test_process_exit_is_a_crash_with_stderr(node: MakeNode) -> None:
    runner = node("behaviours.exit")
    outcome = runner.invoke({})
    assert isinstance(outcome.result, Crash)
    assert outcome.result.exit_status == 7 and outcome.result.delivered
    assert "about to exit with 7" in outcome.result.stderr_tail
    assert outcome.result.reason == "Runtime exited with error: exit status 7"
    assert isinstance(runner.invoke({}).result, Crash)  # restarted, and crashed again
    assert len(runner.process_groups) == 2


def test_peak_rss_is_reported(node: MakeNode) -> None:
    outcome = node("behaviours.echo").invoke({})
    assert outcome.peak_rss_kib is not None and 10_000 < outcome.peak_rss_kib < 500_000


# -- TypeScript ------------------------------------------------------------------------------------


def test_typescript_is_transpiled_not_type_checked(node: MakeNode) -> None:
    runner = node("src/handler.handler", root="typescript")
    assert success(runner.invoke({"name": "ts"})).value == {"message": "TS!", "wrong": "not a number"}
    assert runner.task_root != runner.source_root
    assert not (NODE / "typescript" / "src" / "handler.js").exists()

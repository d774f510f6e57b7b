/*
 * qjs-driver.c: a minimal command-line shell around the quickjs-ng library, written for
 * jolt's benchmark suite (benches/peers.sh builds it). The quickjs-ng source distribution
 * on PyPI ships the engine's C sources but not its `qjs` shell, so this is ours.
 *
 *   qjs file.js        evaluate file.js as a classic script
 *   qjs -e 'code'      evaluate code
 *   qjs --version      print the quickjs-ng version
 *
 * Globals provided: print(...) and console.log(...) (arguments converted with ToString,
 * joined by spaces, newline-terminated, written to stdout). Pending jobs (promise reactions)
 * are run after the script. An uncaught exception is printed to stderr (with its stack when it
 * is an Error) and the process exits with status 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quickjs.h"

static JSValue js_print(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    for (int i = 0; i < argc; i++) {
        size_t len;
        const char *s = JS_ToCStringLen(ctx, &len, argv[i]);
        if (!s)
            return JS_EXCEPTION;
        if (i > 0)
            fputc(' ', stdout);
        fwrite(s, 1, len, stdout);
        JS_FreeCString(ctx, s);
    }
    fputc('\n', stdout);
    return JS_UNDEFINED;
}

static void report_exception(JSContext *ctx)
{
    JSValue exc = JS_GetException(ctx);
    const char *s = JS_ToCString(ctx, exc);
    fprintf(stderr, "Uncaught %s\n", s ? s : "(exception)");
    if (s)
        JS_FreeCString(ctx, s);
    if (JS_IsError(exc)) {
        JSValue stack = JS_GetPropertyStr(ctx, exc, "stack");
        if (!JS_IsUndefined(stack) && !JS_IsException(stack)) {
            const char *st = JS_ToCString(ctx, stack);
            if (st) {
                fputs(st, stderr);
                JS_FreeCString(ctx, st);
            }
        }
        JS_FreeValue(ctx, stack);
    }
    JS_FreeValue(ctx, exc);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    const char *code = NULL, *name = NULL;
    char *owned = NULL;
    size_t len = 0;

    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("quickjs-ng %s\n", JS_GetVersion());
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "-e") == 0) {
        code = argv[2];
        len = strlen(code);
        name = "<eval>";
    } else if (argc == 2 && argv[1][0] != '-') {
        name = argv[1];
        owned = read_file(name, &len);
        if (!owned) {
            fprintf(stderr, "qjs: cannot read %s\n", name);
            return 2;
        }
        code = owned;
    } else {
        fprintf(stderr, "usage: qjs file.js | qjs -e 'code' | qjs --version\n");
        return 2;
    }

    JSRuntime *rt = JS_NewRuntime();
    JSContext *ctx = JS_NewContext(rt);
    /* 8 MB of C stack is the Linux default; leave a margin below it. */
    JS_SetMaxStackSize(rt, 6 * 1024 * 1024);

    JSValue global = JS_GetGlobalObject(ctx);
    JSValue console = JS_NewObject(ctx);
    JS_SetPropertyStr(ctx, console, "log", JS_NewCFunction(ctx, js_print, "log", 1));
    JS_SetPropertyStr(ctx, global, "console", console);
    JS_SetPropertyStr(ctx, global, "print", JS_NewCFunction(ctx, js_print, "print", 1));
    JS_FreeValue(ctx, global);

    int status = 0;
    JSValue result = JS_Eval(ctx, code, len, name, JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(result)) {
        report_exception(ctx);
        status = 1;
    }
    JS_FreeValue(ctx, result);

    while (status == 0) {
        JSContext *job_ctx;
        int r = JS_ExecutePendingJob(rt, &job_ctx);
        if (r == 0)
            break;
        if (r < 0) {
            report_exception(job_ctx);
            status = 1;
        }
    }

    fflush(stdout);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    free(owned);
    return status;
}

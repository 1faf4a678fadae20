"""Command line: ``python -m analysis run|tables|bench``.

Errors a user can fix are printed as one line (no traceback) with exit code 2; a failing
notebook exits with code 1 and is named.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analysis.errors import CrosswireError
from analysis.params import PARAMETERS, coerce_cli_value, load_params_file, validate


def _parameter_help() -> str:
    return "parameters (-p NAME=VALUE):\n" + "\n".join(
        f"  {p.name:<26} default {p.default!r}: {p.help}" for p in PARAMETERS.values()
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=_parameter_help())
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("run", "run every notebook with papermill and render HTML reports"),
                       ("tables", "run the same stages without notebooks or HTML")):
        sub = commands.add_parser(name, help=text, description=text, epilog=_parameter_help(),
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.add_argument("corpus", nargs="?", default=None, help="corpus folder or table file (default: seeds/)")
        sub.add_argument("--out", default=None, help="output folder (default: reports/)")
        sub.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                         help="set a parameter (repeatable)")
        sub.add_argument("--params", default=None, metavar="FILE.yaml", help="YAML file of name: value pairs")
        if name == "run":
            sub.add_argument("--no-html", action="store_true", help="skip the HTML pages")
        else:
            sub.add_argument("--engine", choices=("pandas", "dask"), default="pandas",
                             help="pandas (one process) or dask (per-document work on a Dask cluster)")
            sub.add_argument("--scheduler", default=None, metavar="ADDRESS",
                             help="Dask scheduler address (tcp://host:8786); default: a local cluster")
            sub.add_argument("--workers", type=int, default=2, metavar="N",
                             help="worker processes of the local Dask cluster (default: 2)")
    bench_text = "benchmark every stage on synthetic corpora of growing size"
    bench = commands.add_parser("bench", help=bench_text, description=bench_text)
    from analysis.bench import add_arguments

    add_arguments(bench)
    return parser


def collect_params(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = load_params_file(args.params) if args.params else {}
    for item in args.param:
        name, sep, text = item.partition("=")
        if not sep:
            raise CrosswireError(f"-p expects NAME=VALUE, got {item!r}")
        values[name.strip()] = coerce_cli_value(name.strip(), text)
    if args.corpus is not None:
        values["corpus"] = args.corpus
    if args.out is not None:
        values["out_dir"] = args.out
    # Paths are relative to where the user runs the command, not to where the notebooks run.
    for name in ("corpus", "out_dir"):
        if values.get(name):
            values[name] = str(Path(values[name]).expanduser().resolve())
    return validate(values)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "run":
            from analysis.runner import NotebookFailed, run

            try:
                out_dir = run(collect_params(args), html=not args.no_html)
            except NotebookFailed as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            index = out_dir / "html" / "index.html"
            print(f"report: {index}" if index.is_file() else f"outputs: {out_dir}")
        elif args.command == "tables":
            from analysis.params import resolve_out_dir
            from analysis.pipeline import run_tables
            from analysis.runner import write_manifest

            params = collect_params(args)
            if args.engine == "dask":
                from analysis.engines import run_tables_dask

                run_tables_dask(params, scheduler=args.scheduler, n_workers=args.workers)
            else:
                if args.scheduler:
                    raise CrosswireError("--scheduler needs --engine dask")
                run_tables(params)
            out_dir = resolve_out_dir(params["out_dir"])
            write_manifest(out_dir, {**params, "out_dir": str(out_dir)})
            print(f"tables: {out_dir / 'tables'}")
        elif args.command == "bench":
            from analysis.bench import main as bench_main

            return bench_main(args)
    except CrosswireError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; finished tables were kept, unfinished ones were not written", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""aisim charts: draws the charts of a comparison, a sweep or a discovery with
matplotlib (a run's charts are drawn natively: sim/output/run_charts.cpp).

The aisim binary runs this script (its text is compiled into the binary, see
sim/output/charts.cpp) with Debian's /usr/bin/python3 as

    python3 -c SCRIPT SPEC_JSON

after writing the data files into the results' staging folder. SPEC_JSON says
what to draw:

    {"kind": "compare" | "discovery" | "sweep",
     "csv": ".../timeseries.csv",          # tidy series (all scenarios for compare)
     "differences": ".../differences.csv",  # compare only (discovery: discovery.csv;
                                            # its "csv" is peeling.csv, "scenarios" the goals)
     "time_shift": ".../time_shift.csv",    # compare only: the delay cost by year
     "out": ".../charts",                   # created; PNG and SVG go here
     "scenarios": ["base", "other", ...],   # the first is the base of a comparison
     "regions": [{"code": "KR", "name": "South Korea"}, ...],
     "focus_region": "KR" or null, "year": 2035,
     "start_year": 2025, "end_year": 2035, "draws": 1, "seed": 1,
     "jobs": 0,                             # processes drawing charts; 0 = one per core
     "svg": false,                          # also write NAME.svg (aisim --svg)
     # sweep only ("csv" is outcomes.csv): "samples", "sensitivity" (csv files,
     # "" without indices), "method", "outcomes" (columns shown) and
     # "top_inputs" (per shown outcome, its most influential inputs first)
     "styles": {"KR": ["#000000", "-", "P"], ...},  # colour, line style, marker
     "metrics": [["Capability|Generative", "capability-generative", TITLE,
                  AXIS_LABEL, SCALE, LOG], ...],   # the charted variables
     "yellow": ["#F0E442", "#7a7000"],      # the colour drawn with a dark outline
     "parent_pid": 1234}                    # aisim's PID: the script dies with it

It writes NAME.png (and NAME.svg when asked) per chart and index.json, the list of charts
in reading order with a title and a caption each. Exit code 3 means the
plotting tool itself is missing (matplotlib cannot be imported); any other
failure is a bug and exits non-zero with a traceback.

Everything is deterministic: the same input gives the same bytes (fixed SVG
hash salt, no dates in the metadata).
"""

import concurrent.futures
import csv
import ctypes
import functools
import json
import multiprocessing
import os
import signal
import sys

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
except ImportError as error:  # the plotting tool is not installed
    print(f"matplotlib is not available ({error})", file=sys.stderr)
    sys.exit(3)

plt.rcParams.update({
    "svg.hashsalt": "aisim",
    "svg.fonttype": "none",  # text stays text in SVG: searchable, selectable, small
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
})

# Region colours, line styles and markers, the charted variables and the
# yellow that gets a dark outline come in the spec, from the one table in
# sim/output/chart_style.cpp (the run charts are drawn from it natively).
REGION_STYLES = {}
METRICS = []
METRIC_BY_NAME = {}
YELLOW, YELLOW_OUTLINE = "", ""


def region_style(code):
    """(colour, line style, marker) of a region code, the same in every chart."""
    return REGION_STYLES[code]


def plot_line(ax, years, values, colour, linestyle, marker, gid, label=None, markersize=5):
    """A median line whose SVG element id is `gid`. A yellow line gets a dark
    outline drawn beneath it (a separate line: path effects would drop the
    id), so that it stays visible on white."""
    markevery = max(1, len(years) // 5)
    if colour == YELLOW:
        ax.plot(years, values, color=YELLOW_OUTLINE, linestyle=linestyle, linewidth=3.4,
                marker=marker, markevery=markevery, markersize=markersize + 1.5)
    ax.plot(years, values, color=colour, linestyle=linestyle, marker=marker,
            markevery=markevery, markersize=markersize, linewidth=1.8, label=label, gid=gid,
            markeredgecolor=YELLOW_OUTLINE if colour == YELLOW else colour)


# Scenario line styles in comparisons (the colour is the region's).
SCENARIO_STYLES = [("-", None), ("--", "o"), (":", "s"), ("-.", "^"), ((0, (5, 1, 1, 1)), "D")]

# Difference bars: the metrics where less is better for a region, and the
# colours of better, worse and no change (Okabe-Ito blue and vermillion,
# distinct for the colour-blind).
LOWER_IS_BETTER = {"Years Behind|Generative", "Years Behind|Physical"}
BETTER, WORSE, NO_CHANGE = "#56B4E9", "#D55E00", "#BBBBBB"


QUANTILE_COLUMN = {"0.05": "p5", "0.25": "p25", "0.5": "p50", "0.75": "p75", "0.95": "p95"}


def read_series(path):
    """{(scenario, region, variable): {"year": [...], "p50": [...], ...}} from
    timeseries.csv (IAMC long form: one value per row, with a `quantile`
    column when there are draws; rows come in year order)."""
    series = {}
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        by_quantile = "quantile" in reader.fieldnames
        for row in reader:
            key = (row["scenario"], row["region"], row["variable"])
            entry = series.setdefault(key, {"year": []})
            year = int(row["year"])
            if not entry["year"] or entry["year"][-1] != year:
                entry["year"].append(year)
            column = QUANTILE_COLUMN[row["quantile"]] if by_quantile else "p50"
            entry.setdefault(column, []).append(float(row["value"]))
    return series


def scaled(values, scale):
    return [v * scale for v in values]


# Whether to write each chart as SVG too (spec "svg"); set before the workers
# are forked. A second format costs a second full drawing of the figure, a
# third of the charts' time, and the reports use the PNG.
WRITE_SVG = False


def save(fig, out, stem, title, caption):
    """Writes STEM.png (and STEM.svg); returns the chart's index.json entry."""
    fig.savefig(os.path.join(out, stem + ".png"), dpi=130, metadata={"Software": None})
    if WRITE_SVG:
        # The layout is settled by the first save; don't compute it again.
        fig.set_layout_engine("none")
        fig.savefig(os.path.join(out, stem + ".svg"), metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return {"name": stem, "title": title, "caption": caption}


# The charts to draw, one callable each (returning its index entry), set
# before the worker processes are forked so that they inherit it.
TASKS = []


def draw_task(number):
    return TASKS[number]()


def die_with(parent_pid):
    """Asks Linux to kill this process when its parent dies (prctl
    PR_SET_PDEATHSIG): a killed `aisim run` must not leave chart processes
    drawing into its abandoned staging folder. The parent may have died
    before the request was made (a worker forked just before): then exit at
    once. Started through a wrapper, as AISIM_PYTHON allows, the signal
    follows the wrapper and the check asks whether aisim still runs."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() == parent_pid:
        return
    try:
        with open(f"/proc/{parent_pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        state = "gone"
    if state in ("Z", "X", "gone"):  # dead, or a zombie not yet reaped
        os._exit(1)


def draw_all(tasks, jobs):
    """Draws every chart, in `jobs` processes (0: one per core). Each chart is
    independent and takes 0.2-0.9 s, most of it matplotlib's layout and tick
    placement, so a comparison's charts are spread over the cores. Forked workers
    inherit the data; only chart numbers and index entries cross. The bytes
    of a chart do not depend on the process that drew it."""
    if jobs <= 0:
        jobs = len(os.sched_getaffinity(0))
    jobs = min(jobs, len(tasks))
    if jobs <= 1:
        return [task() for task in tasks]
    TASKS[:] = tasks
    # A worker that dies (killed, crashed) fails the whole drawing with a
    # message here; multiprocessing.Pool would wait for it for ever.
    with concurrent.futures.ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("fork"),
            initializer=die_with, initargs=(os.getpid(),)) as pool:
        return list(pool.map(draw_task, range(len(tasks))))


def region_label(region):
    return f"{region['name']} ({region['code']})"


def grid_shape(n):
    columns = 1 if n == 1 else 2 if n <= 4 else 3
    return (n + columns - 1) // columns, columns


def whole_years(ax):
    ax.xaxis.get_major_locator().set_params(integer=True)


def bottom_legend(fig, handles, title=None):
    """A legend centred below the panels, in a strip kept free of them
    (matplotlib 3.6, Debian 12's, has no loc="outside ...")."""
    strip = (0.85 if title else 0.55) / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, strip, 1, 1 - strip))  # left, bottom, width, height
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0),
               ncol=min(4, len(handles)), title=title, frameon=False)


def scenario_handles(scenarios):
    handles = []
    for i, name in enumerate(scenarios):
        linestyle, marker = SCENARIO_STYLES[i % len(SCENARIO_STYLES)]
        label = f"{name} (base)" if i == 0 else name
        handles.append(Line2D([], [], color="#333333", linestyle=linestyle, marker=marker,
                              linewidth=1.8, label=label))
    return handles


def compare_subtitle(spec):
    years = f"{spec['start_year']}-{spec['end_year']}"
    text = f"{' vs '.join(spec['scenarios'])}, {years}"
    if spec["draws"] > 1:
        text += (f"; {spec['draws']} paired draws, seed {spec['seed']}: median lines, "
                 "p5-p95 bands")
    return text


def overlay_panel(ax, spec, series, region, metric):
    name, stem, _, _, scale, log = metric
    colour, _, _ = region_style(region["code"])
    for i, scenario in enumerate(spec["scenarios"]):
        entry = series.get((scenario, region["code"], name))
        if entry is None:
            continue
        linestyle, marker = SCENARIO_STYLES[i % len(SCENARIO_STYLES)]
        years = entry["year"]
        if "p5" in entry:
            ax.fill_between(years, scaled(entry["p5"], scale), scaled(entry["p95"], scale),
                            color=colour, alpha=0.12 if colour != YELLOW else 0.3, linewidth=0)
        plot_line(ax, years, scaled(entry["p50"], scale), colour, linestyle, marker,
                  f"series-{scenario}-{region['code']}-{stem}", markersize=4.5)
    ax.axvline(spec["year"], color="#888888", linewidth=0.8, linestyle=":")
    if log:
        ax.set_yscale("log")
    whole_years(ax)


def read_differences(path):
    rows = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            rows.append(row)
    return rows


def number(text):
    return float(text) if text not in ("", "n/a") else None


def difference_chart(spec, differences, out):
    """Bars: OTHER minus BASE in the chosen year, per metric and region."""
    year = spec["year"]
    base = spec["scenarios"][0]
    others = spec["scenarios"][1:]
    codes = [r["code"] for r in spec["regions"]]
    names = {r["code"]: r["name"] for r in spec["regions"]}
    # Capability, years and shares in their own units; stocks (compute,
    # researchers) as % of the base, since regions differ by orders of magnitude.
    # Each panel spans at least a difference a reader would call small (its
    # `floor` either side of 0), so that a two-day change does not fill the
    # panel as a two-year one would; bars in their own units also say the
    # base level they changed ("+0.12 of 2.30").
    panels = []
    for name, _, title, unit, scale, log in METRICS:
        if log or name == "Talent|Researchers":
            panels.append((name, title, "% change from base", "relative", 1.0, 5.0))
        elif scale == 100.0:
            panels.append((name, title, "percentage points", "absolute", 100.0, 1.0))
        elif name.startswith("Years Behind"):
            panels.append((name, title, unit, "absolute", 1.0, 0.25))  # a quarter of a year
        elif name.startswith("Capability"):
            panels.append((name, title, unit.split(" (")[0], "absolute", 1.0, 0.1))  # a tenth of an order of magnitude
        else:
            panels.append((name, title, unit, "absolute", 1.0, None))  # 5% of the largest base value
    lookup = {(r["scenario"], r["region"], r["variable"]): r for r in differences}
    columns = 3
    rows = -(-len(panels) // columns)
    height = 0.32 * len(codes) * len(others) + 1.6
    fig, axes = plt.subplots(rows, columns, figsize=(13.5, rows * height + 1.6), layout="constrained",
                             squeeze=False)
    for j in range(len(panels), rows * columns):
        axes[j // columns][j % columns].set_visible(False)
    hatches = ["", "//", "xx", ".."]
    bar = (0.8 if len(codes) > 1 else 0.5) / len(others)
    for p, (name, title, unit, kind, scale, floor) in enumerate(panels):
        ax = axes[p // columns][p % columns]
        if floor is None:
            bases = [abs(number(r["base_value"]) or 0.0) for r in differences if r["variable"] == name]
            floor = 0.05 * max(bases, default=0.0) or 1e-9
        extent = floor  # the largest bar or whisker end from 0
        for k, other in enumerate(others):
            for i, code in enumerate(codes):
                row = lookup.get((other, code, name))
                if row is None:
                    continue
                if kind == "relative":
                    # With draws: the median and p5-p95 of the paired relative
                    # differences, draw by draw (a stock's never below -100 %).
                    value = number(row["relative_p50"]) if row["relative_p50"] else number(row["relative_percent"])
                    low = number(row["relative_p5"])
                    high = number(row["relative_p95"])
                    if value is None:
                        continue
                else:
                    value = number(row["difference"]) * scale
                    low = number(row["p5_difference"])
                    high = number(row["p95_difference"])
                    if low is not None:
                        low, high = low * scale, high * scale
                y = i + (k - (len(others) - 1) / 2) * bar
                # Coloured by what the difference means for the region: better
                # or worse than the base (fewer years behind is better), grey
                # for no change; the region is the row.
                better = value < 0 if name in LOWER_IS_BETTER else value > 0
                colour = (NO_CHANGE if abs(value) < 1e-9 else BETTER if better else WORSE)
                ax.barh(y, value, height=bar * 0.9, color=colour, hatch=hatches[k % len(hatches)],
                        edgecolor="#333333", linewidth=0.6,
                        gid=f"bar-{other}-{code}-{METRIC_BY_NAME[name][1]}")
                right = value  # the rightmost end of the bar and its whisker
                extent = max(extent, abs(value))
                if low is not None:
                    right = max(value, high)
                    extent = max(extent, abs(low), abs(high))
                    ax.errorbar([value], [y], xerr=[[max(0.0, value - low)], [max(0.0, high - value)]],
                                fmt="none", ecolor="#333333", elinewidth=1, capsize=2.5)
                # Labels right of the bar, its whisker and zero, so that no line
                # crosses them and they never cover the region names; rounding
                # noise (equal numbers computed in two orders, ~1e-15) reads as 0.
                label = "0" if abs(value) < 1e-9 else f"{value:+.3g}"
                if kind == "absolute":
                    level = number(row["base_value"]) * scale
                    label += f" of {level:,.0f}" if abs(level) >= 1000 else f" of {level:.3g}"
                ax.annotate(label, (max(right, 0.0), y), xytext=(3, 0),
                            textcoords="offset points", va="center", fontsize=7.5,
                            ha="left", color="#222222")
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_xlim(-1.15 * extent, 1.6 * extent)  # room right of the bars for the value labels
        pad = 0.5 if len(codes) == 1 else 0.0  # one region: a bar, not a slab
        ax.set_ylim(-0.5 - pad, len(codes) - 0.5 + pad)
        ax.set_yticks(range(len(codes)))
        ax.set_yticklabels(codes if p % columns else [f"{names[c]} ({c})" for c in codes],
                           fontsize=8.5)
        ax.invert_yaxis()
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(unit, fontsize=9)
        ax.grid(axis="y", visible=False)
        ax.ticklabel_format(axis="x", style="plain", useOffset=False)
    legend = [Patch(facecolor="#ffffff", edgecolor="#333333", hatch=hatches[k % len(hatches)],
                    label=f"{other} minus {base}") for k, other in enumerate(others)]
    legend += [Patch(facecolor=BETTER, edgecolor="#333333", label="better for the region"),
               Patch(facecolor=WORSE, edgecolor="#333333", label="worse for the region")]
    note = ""
    if spec["draws"] > 1:
        note = f"; whiskers: p5-p95 of {spec['draws']} paired draws (seed {spec['seed']})"
        legend.append(Line2D([], [], color="#333333", marker="|", linestyle="none",
                             markersize=10, label="p5-p95 of paired differences"))
    bottom_legend(fig, legend)
    title = f"Difference from {base} in {year}, by region"
    # One year is compared: the subtitle names the scenarios, not a span of years.
    fig.suptitle(f"{title}\n{' vs '.join(spec['scenarios'])}{note}", fontsize=12)
    caption = (f"{title}: each bar is {' / '.join(others)} minus {base} in {year}, labelled with the "
               f"base level it changed (\"+0.12 of 2.30\") where in the metric's own units "
               f"(blue: better for the region, vermillion: worse; fewer years behind is better); "
               f"each panel spans at least a small change either side of 0 (a quarter of a year, a tenth "
               f"of an order of magnitude, 5 %, 1 percentage point, or 5 % of the largest base level){note}.")
    return save(fig, out, f"difference-{year}", title, caption)


def compare_charts(spec, series, out):
    """The charts of a comparison: the differences (when there are any), then
    either one region's every metric, or one chart per metric."""
    tasks = []
    if spec.get("differences"):
        differences = read_differences(spec["differences"])
        tasks.append(functools.partial(difference_chart, spec, differences, out))
    if spec.get("time_shift"):
        tasks.append(functools.partial(time_shift_chart, spec, read_differences(spec["time_shift"]),
                                       out))
    if spec.get("focus_region"):
        tasks.append(functools.partial(focus_chart, spec, series, out))
    else:
        tasks += [functools.partial(compare_chart, spec, series, out, metric) for metric in METRICS]
    return tasks


def time_shift_chart(spec, rows, out):
    """The delay cost: how many years later each scenario reaches the
    capability the base has in each year, per sector (a line per scenario
    and region; above zero = later than the base)."""
    base = spec["scenarios"][0]
    others = spec["scenarios"][1:]
    sectors = [("Capability|Generative", "Generative AI"), ("Capability|Physical", "Physical AI")]
    fig, axes = plt.subplots(1, 2, figsize=(11.5, 4.8), sharey=True, layout="constrained")
    censored = False
    for ax, (variable, sector) in zip(axes, sectors):
        for k, other in enumerate(others):
            linestyle, marker = SCENARIO_STYLES[(k + 1) % len(SCENARIO_STYLES)]
            for region in spec["regions"]:
                mine = [r for r in rows if r["scenario"] == other and r["region"] == region["code"]
                        and r["variable"] == variable]
                if not mine:
                    continue
                years = [int(r["year"]) for r in mine]
                # Not reached by the end (inf) is left out of the line.
                shift = [float(r["time_shift_years"]) for r in mine]
                censored = censored or any(v == float("inf") for v in shift)
                shift = [v if v != float("inf") else float("nan") for v in shift]
                colour, _, _ = region_style(region["code"])
                if mine[0]["p5_time_shift_years"]:
                    low = [float(r["p5_time_shift_years"]) for r in mine]
                    high = [float(r["p95_time_shift_years"]) for r in mine]
                    high = [v if v != float("inf") else float("nan") for v in high]
                    ax.fill_between(years, low, high, color=colour, linewidth=0,
                                    alpha=0.15 if colour != YELLOW else 0.3)
                plot_line(ax, years, shift, colour, linestyle, marker,
                          f"shift-{other}-{region['code']}-{variable.split('|')[1].lower()}",
                          markersize=4.5)
        ax.axhline(0, color="#333333", linewidth=0.8)
        ax.set_title(sector, fontsize=10)
        ax.set_xlabel("year of the base's level")
        whole_years(ax)
    axes[0].set_ylabel(f"years later than {base} (below 0: earlier)")
    handles = [Line2D([], [], color=region_style(r["code"])[0], linewidth=2.5, label=region_label(r))
               for r in spec["regions"]]
    for k, other in enumerate(others):
        linestyle, marker = SCENARIO_STYLES[(k + 1) % len(SCENARIO_STYLES)]
        handles.append(Line2D([], [], color="#333333", linestyle=linestyle, marker=marker,
                              linewidth=1.8, label=other))
    bottom_legend(fig, handles)
    note = ""
    if spec["draws"] > 1:
        note = f"; median and p5-p95 of {spec['draws']} paired draws (seed {spec['seed']})"
    if censored:
        note += "; a gap: that level is never reached (the path stops rising below it)"
    title = f"Delay cost: years later than {base} to reach its capability"
    fig.suptitle(f"{title}\n{' vs '.join(spec['scenarios'])}{note}", fontsize=12)
    caption = (f"{title}: for each year, how many years later {' / '.join(others)} reaches "
               f"the capability {base} has in that year (linear between years){note}.")
    return save(fig, out, "time-shift", title, caption)


def focus_chart(spec, series, out):
    """One region, every metric: the scenarios overlaid at a glance."""
    focus = spec["focus_region"]
    region = next(r for r in spec["regions"] if r["code"] == focus)
    columns = 3
    rows = -(-len(METRICS) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(13.5, 3.2 * rows + 0.8), sharex=True,
                             layout="constrained", squeeze=False)
    for j in range(len(METRICS), rows * columns):
        axes[j // columns][j % columns].set_visible(False)
    for p, metric in enumerate(METRICS):
        ax = axes[p // columns][p % columns]
        overlay_panel(ax, spec, series, region, metric)
        ax.set_title(metric[2], fontsize=10)
        ax.set_ylabel(metric[3], fontsize=8.5)
        if p + columns >= len(METRICS):  # the lowest panel of its column
            ax.set_xlabel("year")
    bottom_legend(fig, scenario_handles(spec["scenarios"]),
                  "scenario (line colour: " + region_label(region) + ")")
    title = f"{region_label(region)}: scenarios compared"
    fig.suptitle(f"{title}\n{compare_subtitle(spec)}", fontsize=12)
    return save(fig, out, f"scenarios-{focus}", title,
                f"{title}, every charted metric over time; {compare_subtitle(spec)}; "
                f"dotted vertical line: {spec['year']}.")


def compare_chart(spec, series, out, metric):
    """One metric, a panel per region, the scenarios overlaid."""
    name, stem, title, unit, _, _ = metric
    regions = spec["regions"]
    rows, columns = grid_shape(len(regions))
    # Each region on its own scale: the point is the gap between scenarios.
    fig, axes = plt.subplots(rows, columns, figsize=(3.6 * columns + 0.6, 2.5 * rows + 1.5),
                             sharex=True, sharey=False, layout="constrained", squeeze=False)
    for i, region in enumerate(regions):
        ax = axes[i // columns][i % columns]
        overlay_panel(ax, spec, series, region, metric)
        ax.set_title(region_label(region), fontsize=10)
        if i + columns >= len(regions):  # the lowest panel of its column
            ax.set_xlabel("year")
    for j in range(len(regions), rows * columns):
        axes[j // columns][j % columns].set_visible(False)
    fig.supylabel(unit)
    bottom_legend(fig, scenario_handles(spec["scenarios"]), "scenario (line colour: region)")
    fig.suptitle(f"{title}: scenarios compared by region\n{compare_subtitle(spec)}",
                 fontsize=11)
    return save(fig, out, f"compare-{stem}", f"{title}: scenarios compared",
                f"{title} ({unit}) per region, scenarios overlaid, each region on its own scale; "
                f"{compare_subtitle(spec)}.")


def discovery_charts(spec, out):
    """PRIM (aisim discover): the peeling trajectory's coverage/density trade-off,
    and the chosen box's limits against each input's swept range."""
    with open(spec["csv"]) as f:
        steps = list(csv.DictReader(f))
    with open(spec["differences"]) as f:
        inputs = list(csv.DictReader(f))
    goal = " and ".join(spec["scenarios"])
    return [functools.partial(tradeoff_chart, steps, goal, out),
            functools.partial(box_chart, inputs, goal, out)]


def tradeoff_chart(steps, goal, out):
    coverage = [float(s["coverage"]) for s in steps]
    density = [float(s["density"]) for s in steps]
    restricted = [int(s["restricted_inputs"]) for s in steps]
    chosen = next(i for i, s in enumerate(steps) if s["chosen"] == "true")
    fig, ax = plt.subplots(figsize=(7.5, 5.2), layout="constrained")
    ax.plot(coverage, density, color="0.7", linewidth=1, zorder=1)
    points = ax.scatter(coverage, density, c=restricted, cmap="viridis", s=28, zorder=2,
                        gid="peeling-steps")
    ax.scatter([coverage[chosen]], [density[chosen]], s=220, facecolors="none",
               edgecolors="black", linewidths=2, zorder=3, gid="chosen-box",
               label=f"chosen box (step {chosen}: coverage {coverage[chosen]:.2f}, "
                     f"density {density[chosen]:.2f})")
    bar = fig.colorbar(points, ax=ax, ticks=sorted(set(restricted)))
    bar.set_label("restricted inputs")
    ax.set_xlabel("coverage: share of the samples reaching the goal that the box keeps")
    ax.set_ylabel("density: share of the box's samples that reach the goal")
    ax.set_xlim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower left", frameon=False)
    title = "Scenario discovery: coverage against density"
    fig.suptitle(f"{title}\ngoal: {goal}; {len(steps)} peeling steps", fontsize=11)
    return save(fig, out, "discovery-tradeoff", title,
                f"Each point is a box on PRIM's peeling path (goal: {goal}); colour = number of "
                "restricted inputs; the circle marks the chosen box before pasting.")


def box_chart(inputs, goal, out):
    fig, ax = plt.subplots(figsize=(8.5, 1.2 + 0.55 * len(inputs)), layout="constrained")
    for row, item in enumerate(inputs):
        low, high = float(item["low"]), float(item["high"])
        range_low, range_high = float(item["range_low"]), float(item["range_high"])
        width = (range_high - range_low) or 1.0
        ax.barh(row, 1.0, left=0.0, color="0.88", edgecolor="0.6", height=0.6, gid=f"range-{row}")
        restricted_input = item["restricted"] == "true"
        ax.barh(row, (high - low) / width, left=(low - range_low) / width, height=0.6,
                color="#0072B2" if restricted_input else "0.65", gid=f"box-{row}")
        label = f"[{low:.4g}, {high:.4g}] of [{range_low:.4g}, {range_high:.4g}]"
        if restricted_input:
            # One quasi-p-value per restricted limit; empty for a limit at the range's end.
            sides = [f"{side} {float(item[column]):.2g}"
                     for side, column in (("low", "quasi_p_low"), ("high", "quasi_p_high")) if item[column]]
            label += "  quasi-p " + ", ".join(sides)
        ax.text(1.02, row, label, va="center", fontsize=8)
    ax.set_yticks(range(len(inputs)), [item["input"] for item in inputs])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.75)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_xlabel("position in the swept range (0 = lowest value swept, 1 = highest)")
    ax.spines[["top", "right"]].set_visible(False)
    title = "Scenario discovery: the chosen box"
    fig.suptitle(f"{title}\ngoal: {goal}; blue = restricted input, grey = not restricted",
                 fontsize=11)
    return save(fig, out, "discovery-box", title,
                f"The box where the goal ({goal}) holds: each input's limits (bar) within its "
                "swept range (light grey), with the box's actual limits and quasi-p-values at "
                "the right.")


# A scatter chart draws at most this many samples (every k-th, the same ones
# in every panel), so that a 100,000-sample sweep draws as fast as a small one.
SCATTER_POINTS = 4000


def readable(column):
    """"KR|Years Behind|Physical|2035" -> "KR Years Behind|Physical 2035"."""
    region, rest = column.split("|", 1)
    variable, year = rest.rsplit("|", 1)
    return f"{region} {variable} {year}"


def sweep_charts(spec, out):
    """aisim sweep: which inputs move the outcomes. The indices (Sobol bars
    with their intervals, or Morris mu* against sigma), Sobol indices by year
    when the sweep recorded every year, and each shown outcome against its
    most influential inputs (the order the report's tables give)."""
    with open(spec["samples"]) as f:
        samples = list(csv.DictReader(f))
    with open(spec["csv"]) as f:
        outcomes = list(csv.DictReader(f))
    indices = []
    if spec["sensitivity"]:
        with open(spec["sensitivity"]) as f:
            indices = [row for row in csv.DictReader(f) if row[list(row)[4]] != ""]
    shown = spec["outcomes"]
    label = f"{spec['scenarios'][0]}, {len(samples):,} samples ({spec['method']}, seed {spec['seed']})"
    tasks = []
    # Outcomes with inf in some sample (a time shift never reached) have no indices.
    indexed = [column for column in shown if indices_of(indices, column)]
    if spec["method"] == "sobol" and indexed:
        tasks.append(functools.partial(sobol_chart, indices, indexed, label, out))
        years = {row["year"] for row in indices}
        if len(years) > 1:
            tasks.append(functools.partial(sobol_years_chart, indices, shown, spec["top_inputs"], label, out))
    if spec["method"] == "morris" and indexed:
        tasks.append(functools.partial(morris_chart, indices, indexed, label, out))
    if shown and samples:
        tasks.append(functools.partial(scatter_chart, samples, outcomes, shown, spec["top_inputs"], label, out))
    return tasks


def indices_of(indices, column):
    region, rest = column.split("|", 1)
    variable, year = rest.rsplit("|", 1)
    return {row["parameter"]: row for row in indices
            if row["region"] == region and row["variable"] == variable and row["year"] == year}


def sobol_chart(indices, shown, label, out):
    panels = [(column, indices_of(indices, column)) for column in shown]
    fig, axes = plt.subplots(len(panels), 1, figsize=(9, 0.9 + 2.4 * len(panels)), layout="constrained",
                             squeeze=False)
    for ax, (column, rows) in zip(axes[:, 0], panels):
        order = sorted(rows, key=lambda p: -float(rows[p]["ST"]))[:8]
        y = list(range(len(order)))
        st = [float(rows[p]["ST"]) for p in order]
        s1 = [float(rows[p]["S1"]) for p in order]
        ax.barh([v - 0.2 for v in y], st, height=0.38, color="#0072B2", label="total (ST)",
                xerr=[float(rows[p]["ST_conf"]) for p in order], error_kw={"ecolor": "0.25", "capsize": 2})
        ax.barh([v + 0.2 for v in y], s1, height=0.38, color="#56B4E9", label="first order (S1)",
                xerr=[float(rows[p]["S1_conf"]) for p in order], error_kw={"ecolor": "0.25", "capsize": 2})
        ax.set_yticks(y, order)
        ax.invert_yaxis()
        ax.axvline(0, color="0.4", linewidth=0.8)
        ax.set_title(readable(column), fontsize=10, loc="left")
        ax.grid(axis="x", alpha=0.3)
    axes[0, 0].legend(loc="lower right", frameon=False)
    axes[-1, 0].set_xlabel("Sobol index: share of the outcome's variance (95% bootstrap intervals)")
    title = "Which inputs matter: Sobol indices"
    fig.suptitle(f"{title}\n{label}", fontsize=11)
    return save(fig, out, "sensitivity-sobol", title,
                f"Total (ST, with interactions) and first-order (S1) Sobol indices of the varied inputs for "
                f"each outcome, most influential first, with 95% bootstrap intervals; {label}.")


def sobol_years_chart(indices, shown, top_inputs, label, out):
    fig, axes = plt.subplots(len(shown), 1, figsize=(9, 0.9 + 2.6 * len(shown)), layout="constrained",
                             squeeze=False, sharex=True)
    for ax, column, top in zip(axes[:, 0], shown, top_inputs):
        region, rest = column.split("|", 1)
        variable = rest.rsplit("|", 1)[0]
        for n, parameter in enumerate(top):
            rows = sorted((int(r["year"]), float(r["ST"])) for r in indices
                          if r["region"] == region and r["variable"] == variable and r["parameter"] == parameter)
            if rows:
                # Inputs, not regions: matplotlib's own colour cycle.
                ax.plot([y for y, _ in rows], [v for _, v in rows], marker="o", markersize=3,
                        color=f"C{n % 10}", label=parameter)
        ax.set_title(f"{region} {variable}", fontsize=10, loc="left")
        ax.set_ylabel("total index (ST)")
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        whole_years(ax)
    axes[-1, 0].set_xlabel("year")
    title = "Which inputs matter, year by year"
    fig.suptitle(f"{title}\n{label}", fontsize=11)
    return save(fig, out, "sensitivity-by-year", title,
                f"Total Sobol index of the most influential inputs in each year of the sweep; {label}.")


def morris_chart(indices, shown, label, out):
    panels = [(column, indices_of(indices, column)) for column in shown]
    fig, axes = plt.subplots(len(panels), 1, figsize=(8.5, 0.9 + 3.6 * len(panels)), layout="constrained",
                             squeeze=False)
    for ax, (column, rows) in zip(axes[:, 0], panels):
        for parameter, row in rows.items():
            mu_star, sigma = float(row["mu_star"]), float(row["sigma"])
            ax.scatter([mu_star], [sigma], s=30, color="#0072B2")
            ax.annotate(parameter, (mu_star, sigma), fontsize=7, xytext=(4, 3), textcoords="offset points")
        # Both are sizes: from 0, with room at the right for the last label.
        ax.set_xlim(0, 1.35 * max(float(row["mu_star"]) for row in rows.values()) or 1)
        ax.set_ylim(0, 1.15 * max(float(row["sigma"]) for row in rows.values()) or 1)
        ax.set_xlabel("mu*: mean size of the elementary effect")
        ax.set_ylabel("sigma: spread of the effects")
        ax.set_title(readable(column), fontsize=10, loc="left")
        ax.grid(alpha=0.3)
    title = "Which inputs matter: Morris screening"
    fig.suptitle(f"{title}\n{label}", fontsize=11)
    return save(fig, out, "sensitivity-morris", title,
                f"Morris mu* (how much an input moves the outcome) against sigma (interactions or "
                f"curvature) for each outcome; inputs at the right matter most; {label}.")


def scatter_chart(samples, outcomes, shown, top_inputs, label, out):
    step = max(1, len(samples) // SCATTER_POINTS)
    picked = range(0, len(samples), step)
    columns = max(len(top) for top in top_inputs)
    fig, axes = plt.subplots(len(shown), columns, figsize=(3.3 * columns, 0.9 + 2.7 * len(shown)),
                             layout="constrained", squeeze=False)
    for row_axes, column, top in zip(axes, shown, top_inputs):
        y = [float(outcomes[i][column]) for i in picked]
        for ax, parameter in zip(row_axes, top):
            x = [float(samples[i][parameter]) for i in picked]
            ax.scatter(x, y, s=4, alpha=0.35, color="#0072B2", linewidths=0, rasterized=True)
            ax.set_xlabel(parameter, fontsize=8)
            ax.tick_params(labelsize=7)
            ax.grid(alpha=0.3)
        row_axes[0].set_ylabel(readable(column), fontsize=8)
        for ax in row_axes[len(top):]:
            ax.set_visible(False)
    shown_note = "" if step == 1 else f"; every {step}th sample shown ({len(picked):,})"
    title = "Outcomes against their most influential inputs"
    fig.suptitle(f"{title}\n{label}{shown_note}", fontsize=11)
    return save(fig, out, "outcome-vs-inputs", title,
                f"Each point is a sample: the outcome (rows) against the inputs that move it most "
                f"(columns, most influential first); {label}{shown_note}.")


def main():
    global WRITE_SVG, YELLOW, YELLOW_OUTLINE
    spec = json.loads(sys.argv[1])
    die_with(spec["parent_pid"])
    WRITE_SVG = bool(spec.get("svg", False))
    REGION_STYLES.update({code: tuple(style) for code, style in spec["styles"].items()})
    METRICS[:] = [tuple(metric) for metric in spec["metrics"]]
    METRIC_BY_NAME.update({m[0]: m for m in METRICS})
    YELLOW, YELLOW_OUTLINE = spec["yellow"]
    out = spec["out"]
    os.makedirs(out, exist_ok=True)
    if spec["kind"] == "discovery":
        tasks = discovery_charts(spec, out)
    elif spec["kind"] == "sweep":
        tasks = sweep_charts(spec, out)
    elif spec["kind"] == "compare":
        tasks = compare_charts(spec, read_series(spec["csv"]), out)
    else:
        raise ValueError(f"no charts of kind {spec['kind']!r} here (a run's are drawn natively)")
    index = draw_all(tasks, spec.get("jobs", 1))
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump({"charts": index}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

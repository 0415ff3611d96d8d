"""Independent NumPy reference implementation of the aisim model.

Written from the equations documented in the header comments of
sim/model/*.hpp (and /work/shared/design/model.md), not from the C++ bodies.
It runs one deterministic draw (every assumption at its nominal `value`) and
deliberately uses a different formulation from the vectorised C++ where that
can catch bugs:

  * the talent migration is an explicit R x R column-stochastic matrix
    M[i, j] = (1 - m) delta_ij + m * e_i A_ij / sum_k e_k A_kj,
    applied as H <- M H + trained;
  * best foreign capability, years behind and rank are explicit loops over
    regions;
  * the leader's path (frontier_path.hpp) is a list of (calendar year,
    value) points with a scalar evaluator, and years behind are found by a
    scalar backward walk along the path, one region at a time;
  * alliance matrices are built from explicit pairs;
  * schedules are evaluated by a hand-written linear interpolation.

Entry point: simulate(resolved_scenario_dict) -> {(region, variable, year): value}
where `resolved_scenario_dict` is the dict loaded (see load_yaml) from a
`scenario.resolved.yaml` written by `aisim run`.

Only NumPy and PyYAML are needed (Debian's /usr/bin/python3).
"""

from __future__ import annotations

import math
import re
import statistics

import numpy as np
import yaml

SECONDS_PER_DAY = 86400.0  # capability.hpp
MIN_BACK_SLOPE = 1e-3  # capability units per year, frontier_path.hpp

# Output catalogue: name -> unit (results.cpp). The reference fills every one.
VARIABLES = {
    "Compute|Stock": "H100e",
    "Compute|Stock|Generative": "H100e",
    "Compute|Stock|Physical": "H100e",
    "Compute|Operational": "H100e",
    "Compute|Largest Cluster": "H100e",
    "Compute|Largest Training Run": "FLOP",
    "Power|Capacity": "GW",
    "Power|AI Demand": "GW",
    "Talent|Researchers": "persons",
    "Robots|Stock": "units",
    "Robots|Installations": "units/yr",
    "Robots|Density": "robots/10k employees",
    "Data|Physical": "robot-years",
    "Data|Generative": "trillion tokens",
    "Algorithms|Lag": "years",
    "Capability|Generative": "log10 FLOP",
    "Capability|Physical": "log10 FLOP",
    "Years Behind|Generative": "years",
    "Years Behind|Physical": "years",
    "Frontier Year|Generative": "year",
    "Frontier Year|Physical": "year",
    "Rank|Generative": "rank",
    "Rank|Physical": "rank",
    "Market Share|Generative": "share",
    "Market Share|Physical": "share",
    "Value|AI": "USD bn/yr",
    "Value|Physical": "USD bn/yr",
    "Sovereignty|Generative": "share",
    "Sovereignty|Physical": "share",
    "Investment|Public": "USD bn/yr",
    "Investment|Private": "USD bn/yr",
    "Investment|Public|Cumulative": "USD bn",
}

ASSUMPTION_NAMES = [
    "hardware_price_performance_growth", "capex_per_h100e", "compute_depreciation",
    "chip_supply", "chip_supply_growth",
    "kw_per_h100e", "energy_efficiency_growth", "flops_per_h100e", "utilization",
    "largest_cluster_share", "training_run_days", "training_run_growth", "max_training_run_days",
    "algorithmic_progress", "max_diffusion_lag", "lag_per_talent_halving", "open_weights",
    "open_model_lag", "market_temperature_generative", "market_temperature_physical",
    "physical_home_bias", "market_size_multiplier", "market_lock_in", "reinvestment_rate", "private_physical_share",
    "private_boom", "private_boom_half_life", "capital_follows_share",
    "researcher_mobility", "home_bias", "attraction_compute_weight",
    "attraction_money_weight", "talent_agglomeration", "researcher_growth", "cost_per_researcher", "cost_per_gw",
    "robot_cost", "robot_service_life", "robot_installation_growth", "max_robot_density", "robot_learning_rate", "physical_data_decay", "cost_per_robot_year_data",
    "generative_data_growth", "cost_per_trillion_tokens", "physical_generative_weight",
    "physical_data_elasticity", "data_flywheel", "sovereignty_scale",
    "sovereignty_data_weight",
]

CATEGORIES = ("compute", "talent", "data", "adoption", "power")


# --------------------------------------------------------------------------
# YAML: the C++ side reads YAML 1.2 (yaml-cpp). PyYAML implements YAML 1.1, in
# which `1e+06` is a string and `NO` / `on` are booleans. This loader reads
# numbers and booleans the YAML 1.2 way so that region codes such as NO stay
# strings and every shortest-round-trip double is a float.
# --------------------------------------------------------------------------
class _Yaml12Loader(yaml.SafeLoader):
    pass


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:float",
                           "tag:yaml.org,2002:int")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"))
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


def _construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    if text.endswith(".nan"):
        return math.nan
    return float(text)


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Yaml12Loader)


# --------------------------------------------------------------------------
# Reading the resolved scenario
# --------------------------------------------------------------------------
def _number(value, what):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what}: expected a plain number in the resolved scenario, got {value!r}")
    return float(value)


class Schedule:
    """A scalar, or {year: value} points: linear between given years, flat outside."""

    def __init__(self, raw, what):
        if isinstance(raw, dict) and not ("value" in raw or "unit" in raw):
            points = sorted((int(year), _number(value, f"{what}[{year}]"))
                            for year, value in raw.items())
            if not points:
                raise ValueError(f"{what}: empty schedule")
            self.years = [year for year, _ in points]
            self.values = [value for _, value in points]
        else:
            self.years = [0]
            self.values = [_number(raw, what)]

    def at(self, year):
        years, values = self.years, self.values
        if year <= years[0]:
            return values[0]
        if year >= years[-1]:
            return values[-1]
        i = 0
        while years[i + 1] <= year:
            i += 1
        y0, y1, v0, v1 = years[i], years[i + 1], values[i], values[i + 1]
        if year == y0:
            return v0
        return v0 + (year - y0) / (y1 - y0) * (v1 - v0)


def _median_of(spec, what):
    """Nominal value of an assumption given only by its distribution (the loader
    uses the distribution's median then). Truncated normals and lognormals use
    the median of the truncated distribution."""
    kind = spec.get("dist")
    lower = spec.get("min")
    upper = spec.get("max")
    if kind == "uniform":
        return 0.5 * (float(spec["min"]) + float(spec["max"]))
    if kind == "triangular":
        a, c, b = float(spec["min"]), float(spec["mode"]), float(spec["max"])
        if (c - a) / (b - a) >= 0.5:
            return a + math.sqrt(0.5 * (b - a) * (c - a))
        return b - math.sqrt(0.5 * (b - a) * (b - c))
    if kind in ("normal", "lognormal"):
        if kind == "normal":
            base = statistics.NormalDist(float(spec["mean"]), float(spec["sd"]))
            to_z = lambda x: x  # noqa: E731
            from_z = lambda z: z  # noqa: E731
        else:
            base = statistics.NormalDist(math.log(float(spec["median"])), float(spec["sigma"]))
            to_z = lambda x: math.log(x) if x > 0 else -math.inf  # noqa: E731
            from_z = math.exp
        low = base.cdf(to_z(float(lower))) if lower is not None else 0.0
        high = base.cdf(to_z(float(upper))) if upper is not None else 1.0
        if lower is not None and to_z(float(lower)) == -math.inf:
            low = 0.0
        return from_z(base.inv_cdf(low + 0.5 * (high - low)))
    raise ValueError(f"{what}: cannot find the nominal value of {spec!r}")


def _assumption(raw, name):
    if isinstance(raw, dict):
        if "value" in raw:
            return _number(raw["value"], name)
        return _median_of(raw, name)
    return _number(raw, name)


class _Inputs:
    """The resolved scenario as arrays (regions in file order)."""

    def __init__(self, scenario):
        self.name = scenario.get("name", "")
        self.t0 = int(scenario["start_year"])
        self.t1 = int(scenario["end_year"])
        self.T = self.t1 - self.t0 + 1
        regions = scenario["regions"]
        self.codes = [str(code) for code in regions]
        self.R = len(self.codes)
        index = {code: i for i, code in enumerate(self.codes)}

        raw = scenario["assumptions"]
        self.a = {name: _assumption(raw[name], name) for name in ASSUMPTION_NAMES}
        market_gen = Schedule(raw["market_size_generative"], "market_size_generative")
        market_phys = Schedule(raw["market_size_physical"], "market_size_physical")
        self.market_gen = [market_gen.at(self.t0 + k) for k in range(self.T)]
        self.market_phys = [market_phys.at(self.t0 + k) for k in range(self.T)]
        # The recorded frontier before the start: one row for every calendar
        # year from the first recorded year to start_year - 1 (values between
        # recorded years by the schedule's linear interpolation); recorded
        # years from start_year on are simulated and not used.
        if not isinstance(raw["frontier_run_history"], dict):
            raise ValueError("frontier_run_history: expected a record by year")
        history = Schedule(raw["frontier_run_history"], "frontier_run_history")
        if history.years[0] >= self.t0:
            raise ValueError("frontier_run_history: needs a recorded year before start_year")
        self.frontier_history = [(year, history.at(year))
                                 for year in range(history.years[0], self.t0)]

        R, T = self.R, self.T

        def column(field):
            return np.array([_number(regions[c][field], f"regions.{c}.{field}")
                             for c in self.codes])

        for field in ("private_investment", "compute_stock",
                      "compute_physical_share", "power_capacity", "researchers", "robots",
                      "generative_data", "algorithmic_efficiency",
                      "home_advantage", "market_access"):
            setattr(self, field, column(field))
        self.public_alloc = {c: np.array([_number(regions[r]["public_allocation"][c], c)
                                          for r in self.codes]) for c in CATEGORIES}
        self.private_alloc = {c: np.array([_number(regions[r]["private_allocation"][c], c)
                                           for r in self.codes]) for c in CATEGORIES}

        # Lever tables (R x T). The public programme (budget, its physical
        # focus, GPU deliveries) is read at (year - start_delay) and is zero
        # before start_year + start_delay. chip_access and power_growth are
        # not part of the public programme and use the calendar year, as do
        # the trends private_growth and robot_installations.
        self.budget = np.zeros((R, T))
        self.deliveries = np.zeros((R, T))
        self.focus = np.zeros((R, T))
        self.chip_access = np.zeros((R, T))
        self.power_growth = np.zeros((R, T))
        self.private_growth = np.zeros((R, T))
        self.robot_installations = np.zeros((R, T))
        # Years of robot_installation_growth in each year's installations:
        # past the schedule's last given year (a scalar: the start year), and
        # never before the start.
        self.robot_growth_years = np.zeros((R, T))
        # Installations in the 40 calendar years before the start (the most
        # a service life may be): the ages of the start stock.
        self.robot_installations_before = {}
        # Manufacturing employees by calendar year, from the year before the
        # start (the start stock's density) to the end.
        self.employees = {}
        self.value_added = np.zeros((T, R))   # manufacturing value added by year index
        for r, code in enumerate(self.codes):
            region = regions[code]
            delay = _number(region.get("start_delay", 0), f"regions.{code}.start_delay")
            budget = Schedule(region["public_budget"], f"regions.{code}.public_budget")
            deliveries = Schedule(region["gpu_deliveries"], f"regions.{code}.gpu_deliveries")
            focus = Schedule(region["physical_focus"], f"regions.{code}.physical_focus")
            chip = Schedule(region["chip_access"], f"regions.{code}.chip_access")
            power = Schedule(region["power_growth"], f"regions.{code}.power_growth")
            growth = Schedule(region["private_growth"], f"regions.{code}.private_growth")
            robots = Schedule(region["robot_installations"], f"regions.{code}.robot_installations")
            for k in range(T):
                year = self.t0 + k
                programme_year = year - delay
                if programme_year >= self.t0:
                    self.budget[r, k] = budget.at(programme_year)
                    self.deliveries[r, k] = deliveries.at(programme_year)
                    self.focus[r, k] = focus.at(programme_year)
                else:
                    # No programme yet: budget and deliveries are zero, so the
                    # focus is immaterial; use the start-year value.
                    self.focus[r, k] = focus.at(self.t0)
                self.chip_access[r, k] = chip.at(year)
                self.power_growth[r, k] = power.at(year)
                self.private_growth[r, k] = growth.at(year)
                self.robot_installations[r, k] = robots.at(year)
                last_given = self.t0 if robots.years == [0] else robots.years[-1]
                self.robot_growth_years[r, k] = max(0, year - max(last_given, self.t0 - 1))
            for year in range(self.t0 - 40, self.t0):
                self.robot_installations_before.setdefault(year, np.zeros(R))[r] = robots.at(year)
            employed = Schedule(region["manufacturing_employment"], f"regions.{code}.manufacturing_employment")
            for year in range(self.t0 - 1, self.t0 + T):
                self.employees.setdefault(year, np.zeros(R))[r] = employed.at(year)
            value_added = Schedule(region["manufacturing_value_added"], f"regions.{code}.manufacturing_value_added")
            for k in range(T):
                self.value_added[k, r] = value_added.at(self.t0 + k)

        self.power_delay = [int(regions[c].get("power_delay", 0)) for c in self.codes]
        self.domestic_value = np.array([float(regions[c].get("domestic_chip_value", 0))
                                        for c in self.codes])
        self.domestic_supply = np.zeros((R, T))
        for r, code in enumerate(self.codes):
            if "domestic_chip_supply" in regions[code]:
                supply = Schedule(regions[code]["domestic_chip_supply"],
                                  f"regions.{code}.domestic_chip_supply")
                for k in range(T):
                    self.domestic_supply[r, k] = supply.at(self.t0 + k)

        # Hosting: hosted_share of the compute standing in a region is used by
        # the firms of region hosted_for (absent or empty: none).
        self.hosted_user = [-1] * R
        self.hosted_share = np.zeros((R, T))
        for r, code in enumerate(self.codes):
            user = str(regions[code].get("hosted_for") or "")
            if not user:
                continue
            self.hosted_user[r] = index[user]
            share = Schedule(regions[code].get("hosted_share", 0), f"regions.{code}.hosted_share")
            for k in range(T):
                self.hosted_share[r, k] = share.at(self.t0 + k)

        # Alliances: share (i, j) of region j's stock that region i can use; a
        # pair in several alliances uses the most generous share.
        self.ally_compute = np.zeros((R, R))
        self.ally_data = np.zeros((R, R))
        self.ally_talent = np.zeros((R, R))
        alliances = scenario.get("alliances") or {}
        entries = alliances.values() if isinstance(alliances, dict) else alliances
        for alliance in entries:
            members = [index[str(m)] for m in alliance["members"]]
            for i in members:
                for j in members:
                    if i == j:
                        continue
                    self.ally_compute[i, j] = max(self.ally_compute[i, j],
                                                  float(alliance.get("compute_share", 0)))
                    self.ally_data[i, j] = max(self.ally_data[i, j],
                                               float(alliance.get("data_share", 0)))
                    self.ally_talent[i, j] = max(self.ally_talent[i, j],
                                                 float(alliance.get("talent_share", 0)))


# --------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------
def _softmax_shares(capability, temperature, access):
    """share_r = access_r exp((cap_r - max cap) / tau) / sum_j (same)."""
    weights = access * np.exp((capability - capability.max()) / temperature)
    return weights / weights.sum()


def _home_market(world_share, demand, bias):
    """Factories buy physical AI from suppliers weighted by the world's shares,
    their own region's by exp(bias). Returns (each supplier's share of the
    world's purchases, each region's share bought at home), from the explicit
    buyer-by-supplier matrix."""
    R = len(world_share)
    weight = np.tile(world_share, (R, 1))        # weight[j, r]: buyer j's weight of supplier r
    weight[np.arange(R), np.arange(R)] *= math.exp(bias)
    bought = weight / weight.sum(axis=1, keepdims=True)   # rows: buyers
    return demand @ bought, np.diag(bought).copy()


def _best_foreign(capability):
    """foreign_r = max over j != r of cap_j (explicit loop); -inf if alone."""
    R = len(capability)
    foreign = np.full(R, -math.inf)
    for r in range(R):
        for j in range(R):
            if j != r and capability[j] > foreign[r]:
                foreign[r] = capability[j]
    return foreign


class _LeaderPath:
    """The leader's path of one sector: the best capability reached so far,
    as points (calendar year, value) one year apart, never falling.

    F(x) for a fractional calendar year x is linear between the points, the
    last point's value at or after the last year, and before the first year
    extended back at `back_slope` capability units a year."""

    def __init__(self):
        self.years = []
        self.values = []
        self.back_slope = None  # set once, in the start year

    def append(self, year, value):
        """Adds a year: the running maximum of `value` and the year before."""
        if self.values and self.values[-1] > value:
            value = self.values[-1]
        self.years.append(year)
        self.values.append(value)

    def at(self, x):
        years, values = self.years, self.values
        if x >= years[-1]:
            return values[-1]
        if x < years[0]:
            return values[0] - (years[0] - x) * self.back_slope
        i = len(years) - 2
        while years[i] > x:
            i -= 1
        return values[i] + (x - years[i]) * (values[i + 1] - values[i])

    def years_behind(self, capability):
        """now - tau, tau the latest time with F(tau) <= capability (0 when
        capability >= F(now)); a walk back from the last point."""
        years, values = self.years, self.values
        now = years[-1]
        if capability >= values[-1]:
            return 0.0
        # values[-1] > capability: walk back to the last point not above it;
        # the path crosses `capability` on the segment that starts there.
        # (Counted back from now, in whole years plus a fraction, so that
        # small gaps are not rounded at the magnitude of a calendar year.)
        for i in range(len(years) - 2, -1, -1):
            if values[i] <= capability:
                return (now - years[i]) - (capability - values[i]) / (values[i + 1] - values[i])
        return (now - years[0]) + (values[0] - capability) / self.back_slope


def _ranks(capability):
    R = len(capability)
    rank = np.empty(R)
    for r in range(R):
        rank[r] = 1 + sum(1 for j in range(R) if capability[j] > capability[r])
    return rank


def _migration_matrix(attractiveness, mobility, home_bias, ally_talent):
    """Column-stochastic R x R matrix M: column j is where region j's researchers
    are at the end of the year. A mobile share `mobility` re-chooses region i
    with probability e_i A_ij / sum_k e_k A_kj, with e = exp(attractiveness)
    and affinity A = 1 + (exp(home_bias) - 1) (I + talent_alliance)."""
    R = len(attractiveness)
    e = np.exp(attractiveness - attractiveness.max())  # shift cancels in the ratio
    gain = math.exp(home_bias) - 1.0
    M = np.empty((R, R))
    for j in range(R):  # origin
        affinity = np.array([1.0 + gain * ((1.0 if i == j else 0.0) + ally_talent[i, j])
                             for i in range(R)])
        choice = e * affinity
        choice = choice / choice.sum()
        for i in range(R):  # destination
            M[i, j] = mobility * choice[i] + ((1.0 - mobility) if i == j else 0.0)
    return M


def simulate(scenario):
    """Deterministic run of the resolved scenario.

    Returns {(region_code, variable, year): value} for every variable of
    VARIABLES, every region and every year start_year..end_year. Stocks are
    values on 1 January of the year; flows are amounts during the year.
    """
    inp = _Inputs(scenario)
    a = inp.a
    R, T = inp.R, inp.T

    # --- starting state, 1 January of the start year ---
    compute_gen = inp.compute_stock * (1.0 - inp.compute_physical_share)
    compute_phys = inp.compute_stock * inp.compute_physical_share
    power = inp.power_capacity.copy()
    # kW the fleet draws at full use; the starting fleet at the start year's kW.
    fleet_kw = (compute_gen + compute_phys) * a["kw_per_h100e"]
    added = []  # GW paid for in each year so far (power_delay)
    researchers = inp.researchers.copy()
    # Robots by calendar year of installation. A robot installed in year y
    # counts on 1 January of year t with the weight min(1, max(0, L - (t - 1 - y)))
    # (whole for L years, the last one in part). The start stock keeps the
    # shape of the recorded installations before the start (equal years where
    # there are none), scaled to the stated stock.
    life = a["robot_service_life"]

    def working(y, t):
        return min(1.0, max(0.0, life - (t - 1 - y)))

    installed = {}
    for r in range(R):
        shape = {y: inp.robot_installations_before[y][r] for y in range(inp.t0 - 40, inp.t0)}
        left = sum(shape[y] * working(y, inp.t0) for y in shape)
        if left <= 0:
            shape = {y: 1.0 for y in shape}
            left = sum(working(y, inp.t0) for y in shape)
        for y in shape:
            installed.setdefault(y, np.zeros(R))[r] = inp.robots[r] * shape[y] / left

    def robot_stock(t):
        return sum(cohort * working(y, t) for y, cohort in installed.items())

    robots = robot_stock(inp.t0)
    # Physical data starts at the steady state of a constant robot stock.
    data_phys = inp.robots / a["physical_data_decay"]
    # Robot data is counted in units of the world's start-year data.
    data_world_start = max(float(data_phys.sum()), 1.0)
    data_gen = inp.generative_data.copy()
    data_gen_start = inp.generative_data.copy()
    private_exogenous = np.zeros(R)
    public_cumulative = np.zeros(R)
    # Step 9 loops: experience of deployed robots (from the start fleet, at
    # least one robot) and cumulative revenue served per sector.
    experience_start = np.maximum(inp.robots, 1.0)
    experience = experience_start.copy()
    robots_per_dollar = np.ones(R)   # against the start year
    usage = {"gen": np.zeros(R), "phys": np.zeros(R)}
    value_share_sum = np.zeros(R)     # shares of world AI value, years before this one
    usage_unit = {"gen": 1.0, "phys": 1.0}   # the world's start-year revenue, per sector

    tiny = 1e-12  # floors that keep logarithms finite for empty regions
    log_progress = math.log10(a["algorithmic_progress"])

    # The leader's paths. Generative: the recorded largest run of every year
    # before the start, in start-year algorithms, never falling. Physical AI
    # has no record: its path starts in the start year.
    path_gen = _LeaderPath()
    for year, run in inp.frontier_history:
        path_gen.append(year, math.log10(run) + (year - inp.t0) * log_progress)
    history_years = len(inp.frontier_history)
    path_phys = _LeaderPath()

    out = {}
    for k in range(T):
        year = inp.t0 + k

        # Step 2 (part): operational compute, limited by power: the share of
        # the fleet's full draw that the power covers.
        running = np.ones(R)
        for r in range(R):
            if fleet_kw[r] > power[r] * 1e6:
                running[r] = power[r] * 1e6 / fleet_kw[r]
        op_gen = compute_gen * running
        op_phys = compute_phys * running
        op_total = op_gen + op_phys

        # Step 5: algorithmic lag.
        usable_talent = np.maximum(researchers + inp.ally_talent @ researchers, tiny)
        top_talent = usable_talent.max()
        lag = (np.minimum(a["max_diffusion_lag"],
                          a["lag_per_talent_halving"] * np.log2(top_talent / usable_talent))
               * (1.0 - 0.5 * a["open_weights"]))

        # Step 6: the largest training run, from the largest cluster.
        # Compute each region's firms use: hosted shares move from the site
        # to the user region, site by site in region order.
        used_gen, used_phys = op_gen.copy(), op_phys.copy()
        for site, user in enumerate(inp.hosted_user):
            if user < 0:
                continue
            share = inp.hosted_share[site, k]
            used_gen[site] -= op_gen[site] * share
            used_gen[user] += op_gen[site] * share
            used_phys[site] -= op_phys[site] * share
            used_phys[user] += op_phys[site] * share
        usable_gen = used_gen + inp.ally_compute @ used_gen
        usable_phys = used_phys + inp.ally_compute @ used_phys
        run_days = min(a["training_run_days"] * a["training_run_growth"] ** k,
                       a["max_training_run_days"])
        flop_per_h100e_run = a["flops_per_h100e"] * a["utilization"] * run_days * SECONDS_PER_DAY
        cluster = a["largest_cluster_share"] * usable_gen
        run_gen = a["largest_cluster_share"] * usable_gen * flop_per_h100e_run
        run_phys = a["largest_cluster_share"] * usable_phys * flop_per_h100e_run

        # Own capability: effective compute of that run in start-year
        # algorithms, used with the region's algorithmic lag.
        own_gen = np.empty(R)
        own_phys = np.empty(R)
        for r in range(R):
            progress = (k - lag[r]) * log_progress
            own_gen[r] = math.log10(max(run_gen[r] * inp.algorithmic_efficiency[r], 1.0)) + progress
            own_phys[r] = math.log10(max(run_phys[r] * inp.algorithmic_efficiency[r], 1.0)) + progress
        # Data flywheel (step 9): usage served so far, in start-year units.
        flywheel = {s: a["data_flywheel"] * np.log10(1.0 + usage[s] / usage_unit[s]) for s in usage}
        own_gen = own_gen + flywheel["gen"]

        # The leader's generative path gains this year; its mean rate from
        # the first recorded year to the start year extends the paths back.
        path_gen.append(year, max(own_gen))
        if k == 0:
            path_gen.back_slope = max((path_gen.values[-1] - path_gen.values[0]) / history_years,
                                      MIN_BACK_SLOPE)
            path_phys.back_slope = path_gen.back_slope

        # Diffusion: the frontier of open_model_lag years ago, plus the
        # region's own algorithmic lag, is everyone's floor; the open model
        # of open_model_lag years ago is what physical AI can build on.
        cap_gen = np.empty(R)
        gen_access = np.empty(R)
        open_model = path_gen.at(year - a["open_model_lag"])
        for r in range(R):
            cap_gen[r] = max(own_gen[r], path_gen.at(year - a["open_model_lag"] - lag[r]))
            gen_access[r] = max(cap_gen[r], open_model)
        usable_data = data_phys + inp.ally_data @ data_phys
        # A robot model: its generative base (own or open), its robot-training
        # run, and its real-world data against the world's at the start.
        w_base = a["physical_generative_weight"]
        cap_phys = np.array([
            w_base * gen_access[r] + (1.0 - w_base) * own_phys[r]
            + a["physical_data_elasticity"] * math.log10(max(usable_data[r], 1.0) / data_world_start)
            for r in range(R)]) + flywheel["phys"]
        path_phys.append(year, max(cap_phys))

        # Step 7: markets and value.
        share_gen = _softmax_shares(cap_gen, a["market_temperature_generative"], inp.market_access)
        share_phys = _softmax_shares(cap_phys, a["market_temperature_physical"], inp.market_access)
        # Factories buy at home first; each region's demand is its share of the
        # world's manufacturing value added (none anywhere: no buyers).
        made = inp.value_added[k]
        demand = made / made.sum() if made.sum() > 0 else np.zeros(R)
        if a["physical_home_bias"] != 0:
            share_phys, domestic_phys = _home_market(share_phys, demand, a["physical_home_bias"])
        else:
            domestic_phys = share_phys.copy()
        if k > 0:
            # Lock-in (step 9): a share lock_in of last year's market stays put.
            lock = a["market_lock_in"]
            share_gen = lock * last_share_gen + (1.0 - lock) * share_gen
            share_phys = lock * last_share_phys + (1.0 - lock) * share_phys
        last_share_gen, last_share_phys = share_gen, share_phys
        value = a["market_size_multiplier"] * (inp.market_gen[k] * share_gen
                                               + inp.market_phys[k] * share_phys)

        # Step 7b: sovereignty.
        foreign = _best_foreign(cap_gen)
        logit = ((cap_gen - foreign) / a["sovereignty_scale"] + inp.home_advantage
                 + a["sovereignty_data_weight"]
                 * np.log10(np.maximum(data_gen, tiny) / np.maximum(data_gen_start, tiny)))
        with np.errstate(over="ignore"):
            sovereignty = 1.0 / (1.0 + np.exp(-logit))

        # Step 8: years behind (a time shift on the leader's path) and rank.
        behind_gen = np.array([path_gen.years_behind(c) for c in cap_gen])
        behind_phys = np.array([path_phys.years_behind(c) for c in cap_phys])
        rank_gen = _ranks(cap_gen)
        rank_phys = _ranks(cap_phys)

        # Private investment: calibrated in the start year so that it equals
        # the scenario's private_investment, then the exogenous part grows.
        reinvested = a["reinvestment_rate"] * value
        if k == 0:
            private_exogenous = np.maximum(0.0, inp.private_investment - reinvested)
        # Capital follows share (step 9): the world's exogenous money, split
        # in proportion to each region's own times exp(kappa x the sum of its
        # world value shares in the years before this one).
        pull = np.exp(a["capital_follows_share"] * value_share_sum)
        value_share = value / max(value.sum(), np.finfo(float).tiny)   # added to the sum at the year's end
        claims = private_exogenous * pull
        world = private_exogenous.sum()
        moved = world * claims / max(claims.sum(), np.finfo(float).tiny)
        private = moved + reinvested

        # Step 1: money by purpose and sector.
        budget = inp.budget[:, k]
        phi = inp.focus[:, k]
        s = a["private_physical_share"]
        money = {}
        for c in ("compute", "data", "adoption"):
            public = budget * inp.public_alloc[c]
            private_c = private * inp.private_alloc[c]
            money[c, "gen"] = public * (1.0 - phi) + private_c * (1.0 - s)
            money[c, "phys"] = public * phi + private_c * s
        for c in ("talent", "power"):
            money[c] = budget * inp.public_alloc[c] + private * inp.private_alloc[c]

        # Robots installed this year: the trend (firms' own purchases) plus
        # the robots public programmes buy; private AI money buys none.
        # Learning by doing (step 9) makes both buy more robots per dollar.
        robot_installations = robots_per_dollar * (
            inp.robot_installations[:, k] * (1.0 + a["robot_installation_growth"]) ** inp.robot_growth_years[:, k]
            + budget * inp.public_alloc["adoption"] * phi * 1e9 / a["robot_cost"])
        # Within the room: at most max_robot_density robots per 10,000 of this
        # year's manufacturing employees, counting the older robots still at
        # work next 1 January.
        still_working = sum(cohort * working(y, year + 1) for y, cohort in installed.items() if y < year)
        room = a["max_robot_density"] * inp.employees[year] / 1e4
        robot_installations = np.minimum(robot_installations, np.maximum(room - still_working, 0.0))
        employees_last_year = inp.employees[year - 1]
        density = np.where(employees_last_year > 0,
                           robots * 1e4 / np.where(employees_last_year > 0, employees_last_year, 1.0), 0.0)

        # Record (values of this year).
        row = {
            "Compute|Stock": compute_gen + compute_phys,
            "Compute|Stock|Generative": compute_gen,
            "Compute|Stock|Physical": compute_phys,
            "Compute|Operational": op_total,
            "Compute|Largest Cluster": cluster,
            "Compute|Largest Training Run": run_gen,
            "Power|Capacity": power,
            "Power|AI Demand": np.minimum(fleet_kw / 1e6, power),
            "Talent|Researchers": researchers,
            "Robots|Stock": robots,
            "Robots|Installations": robot_installations,
            "Robots|Density": density,
            "Data|Physical": data_phys,
            "Data|Generative": data_gen,
            "Algorithms|Lag": lag,
            "Capability|Generative": cap_gen,
            "Capability|Physical": cap_phys,
            "Years Behind|Generative": behind_gen,
            "Years Behind|Physical": behind_phys,
            "Frontier Year|Generative": year - behind_gen,
            "Frontier Year|Physical": year - behind_phys,
            "Rank|Generative": rank_gen,
            "Rank|Physical": rank_phys,
            "Market Share|Generative": share_gen,
            "Market Share|Physical": share_phys,
            "Value|AI": value,
            "Value|Physical": a["market_size_multiplier"] * inp.market_phys[k] * share_phys,
            "Sovereignty|Generative": sovereignty,
            "Sovereignty|Physical": domestic_phys,
            "Investment|Public": budget,
            "Investment|Private": private,
            "Investment|Public|Cumulative": public_cumulative + budget,
        }
        assert set(row) == set(VARIABLES)
        for variable, values in row.items():
            for r, code in enumerate(inp.codes):
                out[code, variable, year] = float(values[r])

        # --- advance to 1 January of the next year ---
        # Step 3: talent. Attractiveness uses this year's operational compute
        # and private money per researcher (researchers floored at 1, ratios
        # at 1e-12); trained researchers count the start-of-year stock and
        # join after the moves.
        people = np.maximum(researchers, 1.0)
        attractiveness = (a["attraction_compute_weight"] * np.log(np.maximum(op_total / people, tiny))
                          + a["attraction_money_weight"] * np.log(np.maximum(private / people, tiny))
                          + a["talent_agglomeration"] * np.log(people))  # step 9: the pool draws
        trained = money["talent"] * 1e9 / a["cost_per_researcher"] + a["researcher_growth"] * researchers
        M = _migration_matrix(attractiveness, a["researcher_mobility"], a["home_bias"], inp.ally_talent)
        researchers = M @ researchers + trained

        # Step 2: compute stock and power.
        price = a["capex_per_h100e"] / a["hardware_price_performance_growth"] ** k
        survival = 1.0 - a["compute_depreciation"]
        # Domestic chips: a region whose own accelerators are worth more per
        # dollar than imports buys its supply first, then imports with the rest.
        imported = inp.chip_access[:, k].copy()   # open-market H100e per dollar
        spent_at_home = np.zeros(R)                # share of compute money spent on domestic chips
        for r in range(R):
            supply = inp.domestic_supply[r, k]
            value = inp.domestic_value[r]
            if supply <= 0 or value <= imported[r]:
                continue
            at_home = value * (money["compute", "gen"][r] + money["compute", "phys"][r]) * 1e9 / price
            spent_at_home[r] = min(1.0, supply / max(at_home, 5e-324))
            imported[r] = (1.0 - spent_at_home[r]) * imported[r]
        domestic = spent_at_home * inp.domestic_value   # domestic H100e per dollar
        # The world's open-market chip output is shared by all orders alike.
        orders_gen = imported * money["compute", "gen"] * 1e9 / price + inp.deliveries[:, k] * (1.0 - phi)
        orders_phys = imported * money["compute", "phys"] * 1e9 / price + inp.deliveries[:, k] * phi
        world_output = a["chip_supply"] * a["chip_supply_growth"] ** k
        ordered = orders_gen.sum() + orders_phys.sum()
        filled = 1.0 if ordered <= world_output else world_output / ordered
        compute_gen = (survival * compute_gen + filled * orders_gen
                       + domestic * money["compute", "gen"] * 1e9 / price)
        compute_phys = (survival * compute_phys + filled * orders_phys
                        + domestic * money["compute", "phys"] * 1e9 / price)
        # Power follows dollars: a dollar of accelerators draws the open
        # market's kW per H100e of this year over the H100e it buys, whatever
        # the chip, and each chip keeps the kW of its year of purchase.
        kw_new = a["kw_per_h100e"] / a["energy_efficiency_growth"] ** k
        dollars = (money["compute", "gen"] + money["compute", "phys"]) * 1e9 / price
        fleet_kw = survival * fleet_kw + kw_new * (
            spent_at_home * dollars
            + filled * ((1.0 - spent_at_home) * dollars + inp.deliveries[:, k]))
        # A region with a power_delay d connects year k's additions in year
        # k + d (and nothing before year d).
        added.append(inp.power_growth[:, k] + money["power"] / a["cost_per_gw"])
        for r in range(R):
            d = inp.power_delay[r]
            if d == 0:
                power[r] = power[r] + added[k][r]
            elif k >= d:
                power[r] = power[r] + added[k - d][r]

        # Step 4: data (uses the start-of-year robot stock) and robots.
        data_phys = ((1.0 - a["physical_data_decay"]) * data_phys + robots
                     + money["data", "phys"] * 1e9 / a["cost_per_robot_year_data"])
        installed[year] = robot_installations
        robots = robot_stock(year + 1)
        experience = experience + robot_installations
        robots_per_dollar = (experience / experience_start) ** (-math.log2(1.0 - a["robot_learning_rate"]))
        value_share_sum = value_share_sum + value_share
        # Usage for the flywheel: revenue served this year, per sector.
        served = {"gen": a["market_size_multiplier"] * inp.market_gen[k] * share_gen,
                  "phys": a["market_size_multiplier"] * inp.market_phys[k] * share_phys}
        for s in usage:
            if k == 0:
                usage_unit[s] = max(float(served[s].sum()), 1e-6)
            usage[s] = usage[s] + served[s]
        data_gen = ((1.0 + a["generative_data_growth"]) * data_gen
                    + (money["data", "gen"] + money["adoption", "gen"]) / a["cost_per_trillion_tokens"])

        boom = a["private_boom"] * 0.5 ** (k / a["private_boom_half_life"])
        private_exogenous = private_exogenous * np.maximum(0.0, 1.0 + inp.private_growth[:, k] + boom)
        public_cumulative = public_cumulative + budget

    return out


def simulate_file(path):
    return simulate(load_yaml(path))


def time_shift(base, base_first_year, other, other_first_year, year):
    """The delay cost (sim/output/time_shift.hpp), written from its definition:
    with L = base[year], the calendar time at which other's running best first
    reaches L minus the time at which base's does; a level held in the first
    year counts as reached then; past the last year a path goes on at its last
    step's pace (never, if that pace is not positive). Here as a search over
    the running best with NumPy, then a crossing on the raw path's step."""
    level = float(np.asarray(base, dtype=float)[year - base_first_year])

    def reach(path, first_year):
        path = np.asarray(path, dtype=float)
        best = np.maximum.accumulate(path)
        hits = np.flatnonzero(best >= level)
        if hits.size:
            i = int(hits[0])
            if i == 0:
                return float(first_year)
            # best[i - 1] < level <= path[i]: the crossing is on step i - 1 -> i.
            return first_year + (i - 1) + (level - path[i - 1]) / (path[i] - path[i - 1])
        pace = path[-1] - path[-2] if path.size > 1 else 0.0
        if pace <= 0:
            return math.inf
        return first_year + (path.size - 1) + (level - path[-1]) / pace

    return reach(other, other_first_year) - reach(base, base_first_year)

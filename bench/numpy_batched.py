"""Batched NumPy version of the aisim model for sweeps: samples as columns.

The benchmark yardstick for `aisim sweep` (bench/numpy_sweep.py). It runs the
same equations as tests/reference/aisim_reference.py (which is written from
the documented equations of sim/model/*.hpp), for S samples at once: every
state variable is an R x S array (regions x samples), every assumption a
scalar or a length-S row, every lever an R x S table per year. Where the
reference loops over regions (best foreign capability, years behind, rank)
or builds an R x R matrix per sample (talent migration), this module uses
a formulation that is vectorised over samples:

  * migration. The reference applies H <- M H + trained with
        M[i, j] = (1 - m) [i == j] + m e_i A_ij / D_j,
        A_ij = 1 + g (B_ij),  B = I + talent_alliance,  g = exp(home_bias) - 1,
        D_j = sum_k e_k A_kj.
    Expanding A: D = sum(e) + g B^T e and
        (M H)_i = (1 - m) H_i + m e_i (sum_j w_j + g (B w)_i),  w = H / D,
    two R x R by R x S products for all samples (and no matrix at all
    without alliances, where B = I).
  * best foreign capability: the largest other region's value is the
    column maximum, except for the region holding it, which sees the second
    largest (equal to the maximum when it is shared).
  * rank: 1 + number of regions with a strictly larger value, an R x R x S
    comparison.
  * the leader's paths: one 1 x S row per year (a sample's path depends on
    its algorithmic_progress); a path is read at fractional years R x S at
    once by indexing the rows, and years behind test every segment of the
    path against all regions and samples with masks.

Varied paths: any global assumption `assumptions.NAME` and the region levers
`regions.CODE.{public_budget,physical_focus,gpu_deliveries,chip_access,
power_growth}` set to a number (a constant schedule), as `aisim run --set
PATH=VALUE` does. Anything else raises ValueError.

Entry point: BatchedModel(resolved_scenario_dict, paths).run(values, wanted)
with values a P x S array (row p = path p) and wanted a list of
(region, variable, year); returns a len(wanted) x S array.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "reference"))
import aisim_reference as ref  # noqa: E402  (YAML reading, catalogue, base inputs)

LEVERS = ("public_budget", "physical_focus", "gpu_deliveries", "chip_access", "power_growth")


class BatchedModel:
    def __init__(self, scenario, paths):
        self.base = ref._Inputs(scenario)
        if any(self.base.power_delay) or any(user >= 0 for user in self.base.hosted_user):
            raise ValueError("numpy_batched: power_delay and hosted compute are not implemented in "
                             "the batched yardstick; use a scenario without them (world-2025)")
        self.delay = {code: float(region.get("start_delay", 0))
                      for code, region in scenario["regions"].items()}
        self.paths = []
        for path in paths:
            parts = path.split(".")
            if len(parts) == 2 and parts[0] == "assumptions" and parts[1] in ref.ASSUMPTION_NAMES:
                self.paths.append(("assumption", parts[1], None))
            elif (len(parts) == 3 and parts[0] == "regions" and parts[1] in self.base.codes
                  and parts[2] in LEVERS):
                self.paths.append(("lever", parts[2], self.base.codes.index(parts[1])))
            else:
                raise ValueError(f"numpy_batched: path {path!r} is not a global assumption or a "
                                 f"region lever ({', '.join(LEVERS)})")

    def _sample_inputs(self, values):
        """Assumptions (float or 1 x S row) and lever tables (T x R x S or T x R x 1)."""
        inp = self.base
        S = values.shape[1]
        a = dict(inp.a)
        tables = {"public_budget": inp.budget, "physical_focus": inp.focus,
                  "gpu_deliveries": inp.deliveries, "chip_access": inp.chip_access,
                  "power_growth": inp.power_growth}
        levers = {name: np.ascontiguousarray(table.T)[:, :, None] for name, table in tables.items()}
        for p, (kind, name, region) in enumerate(self.paths):
            row = values[p]
            if kind == "assumption":
                a[name] = row[None, :]
                continue
            if levers[name].shape[2] == 1:
                levers[name] = np.repeat(levers[name], S, axis=2)
            table = levers[name]
            code = inp.codes[region]
            for k in range(inp.T):
                year = inp.t0 + k
                if name in ("public_budget", "gpu_deliveries"):
                    # Public programme: zero before start_year + start_delay.
                    table[k, region, :] = row if year - self.delay[code] >= inp.t0 else 0.0
                else:
                    # physical_focus uses the start-year value before the
                    # programme starts: the same constant. chip_access and
                    # power_growth use the calendar year.
                    table[k, region, :] = row
        return a, levers

    def run(self, values, wanted):
        values = np.asarray(values, dtype=float)
        inp = self.base
        a, lever = self._sample_inputs(values)
        R, T, S = inp.R, inp.T, values.shape[1]
        col = lambda v: v[:, None]  # noqa: E731  (per-region constants as R x 1)

        where = {}
        for index, (code, variable, year) in enumerate(wanted):
            where.setdefault(year - inp.t0, []).append((index, inp.codes.index(code), variable))
        out = np.empty((len(wanted), S))

        ones = np.ones((R, S))
        compute_gen = col(inp.compute_stock * (1.0 - inp.compute_physical_share)) * ones
        compute_phys = col(inp.compute_stock * inp.compute_physical_share) * ones
        power = col(inp.power_capacity) * ones
        fleet_kw = (compute_gen + compute_phys) * a["kw_per_h100e"]
        researchers = col(inp.researchers) * ones
        # Robots by calendar year of installation, weighted on 1 January of t
        # by min(1, max(0, L - (t - 1 - y))); the start stock shaped by the
        # recorded installations before the start (equal years without).
        life = a["robot_service_life"] * np.ones(S)

        def working(y, t):
            return np.clip(life - (t - 1 - y), 0.0, 1.0)

        before = range(inp.t0 - 40, inp.t0)
        left = sum(col(inp.robot_installations_before[y]) * working(y, inp.t0) for y in before)
        recorded = left > 0
        installed = {y: np.where(recorded, col(inp.robot_installations_before[y]) * col(inp.robots)
                                 / np.where(recorded, left, 1.0), col(inp.robots) / life)
                     for y in before}
        robots = col(inp.robots) * ones
        data_phys = col(inp.robots) / a["physical_data_decay"] * ones
        data_world_start = np.maximum(data_phys.sum(axis=0, keepdims=True), 1.0)
        data_gen = col(inp.generative_data) * ones
        data_gen_start = col(inp.generative_data)
        private_exogenous = np.zeros((R, S))
        public_cumulative = np.zeros((R, S))

        tiny = 1e-12
        log_progress = np.log10(a["algorithmic_progress"])
        efficiency = col(inp.algorithmic_efficiency)

        # The leader's paths, one 1 x S row per calendar year: generative from
        # the first recorded year (the record in start-year algorithms, never
        # falling), physical from the start year.
        first_gen = inp.frontier_history[0][0]
        history_years = len(inp.frontier_history)
        gen_rows, phys_rows = [], []
        for year, run in inp.frontier_history:
            row = np.broadcast_to(math.log10(run) + (year - inp.t0) * log_progress, (1, S))
            gen_rows.append(row if not gen_rows else np.maximum(gen_rows[-1], row))
        back_slope = None

        def on_path(rows, first, x):
            """The path at fractional calendar years x (R x S)."""
            path = np.stack(rows)  # n x 1 x S
            n = len(rows)
            u = x - first
            i = np.clip(np.floor(u), 0, max(n - 2, 0)).astype(int)
            lower = np.take_along_axis(np.broadcast_to(path, (n,) + x.shape), i[None], axis=0)[0]
            upper = np.take_along_axis(np.broadcast_to(path, (n,) + x.shape),
                                       np.minimum(i + 1, n - 1)[None], axis=0)[0]
            inside = lower + (u - i) * (upper - lower)
            before = path[0] + u * back_slope
            return np.where(u >= n - 1, path[-1], np.where(u < 0, before, inside))

        def years_behind(rows, capability):
            """now - tau, tau the latest time with path(tau) <= capability."""
            n = len(rows)  # the last row is now; counted back from it in years
            with np.errstate(divide="ignore", invalid="ignore"):
                behind = (n - 1) + (rows[0] - capability) / back_slope
                for i in range(n - 1):
                    crosses = (rows[i] <= capability) & (capability < rows[i + 1])
                    behind = np.where(crosses, (n - 1 - i) - (capability - rows[i]) / (rows[i + 1] - rows[i]),
                                      behind)
            return np.where(capability >= rows[-1], 0.0, behind)
        has_talent_alliance = bool(inp.ally_talent.any())
        has_compute_alliance = bool(inp.ally_compute.any())
        has_data_alliance = bool(inp.ally_data.any())
        B = np.eye(R) + inp.ally_talent
        access = col(inp.market_access)
        home_advantage = col(inp.home_advantage)
        alloc_pub = {c: col(inp.public_alloc[c]) for c in ref.CATEGORIES}
        alloc_priv = {c: col(inp.private_alloc[c]) for c in ref.CATEGORIES}
        gain = np.exp(a["home_bias"]) - 1.0
        mobility = a["researcher_mobility"]

        def softmax(capability, temperature):
            weights = access * np.exp((capability - capability.max(axis=0)) / temperature)
            return weights / weights.sum(axis=0)

        def rank_of(capability):
            return 1.0 + (capability[None, :, :] > capability[:, None, :]).sum(axis=1)

        for k in range(T):
            running = np.minimum(1.0, power * 1e6 / np.maximum(fleet_kw, 5e-324))
            op_gen = compute_gen * running
            op_phys = compute_phys * running
            op_total = op_gen + op_phys

            usable_talent = researchers + inp.ally_talent @ researchers if has_talent_alliance else researchers
            usable_talent = np.maximum(usable_talent, tiny)
            lag = (np.minimum(a["max_diffusion_lag"],
                              a["lag_per_talent_halving"] * np.log2(usable_talent.max(axis=0) / usable_talent))
                   * (1.0 - 0.5 * a["open_weights"]))

            usable_gen = op_gen + inp.ally_compute @ op_gen if has_compute_alliance else op_gen
            usable_phys = op_phys + inp.ally_compute @ op_phys if has_compute_alliance else op_phys
            run_days = np.minimum(a["training_run_days"] * a["training_run_growth"] ** k,
                                  a["max_training_run_days"])
            per_h100e = a["flops_per_h100e"] * a["utilization"] * run_days * ref.SECONDS_PER_DAY
            cluster = a["largest_cluster_share"] * usable_gen
            run_gen = a["largest_cluster_share"] * usable_gen * per_h100e
            run_phys = a["largest_cluster_share"] * usable_phys * per_h100e
            progress = (k - lag) * log_progress
            own_gen = np.log10(np.maximum(run_gen * efficiency, 1.0)) + progress
            own_phys = np.log10(np.maximum(run_phys * efficiency, 1.0)) + progress

            gen_rows.append(np.maximum(gen_rows[-1], own_gen.max(axis=0, keepdims=True)))
            if k == 0:
                back_slope = np.maximum((gen_rows[-1] - gen_rows[0]) / history_years, ref.MIN_BACK_SLOPE)
            year = inp.t0 + k
            cap_gen = np.maximum(own_gen, on_path(gen_rows, first_gen,
                                                  year - a["open_model_lag"] - lag))
            open_model = on_path(gen_rows, first_gen, np.broadcast_to(year - a["open_model_lag"], (1, S)))
            gen_access = np.maximum(cap_gen, open_model)
            usable_data = data_phys + inp.ally_data @ data_phys if has_data_alliance else data_phys
            cap_phys = (a["physical_generative_weight"] * gen_access
                        + (1.0 - a["physical_generative_weight"]) * own_phys
                        + a["physical_data_elasticity"]
                        * np.log10(np.maximum(usable_data, 1.0) / data_world_start))
            phys_max = cap_phys.max(axis=0, keepdims=True)
            phys_rows.append(phys_max if not phys_rows else np.maximum(phys_rows[-1], phys_max))

            share_gen = softmax(cap_gen, a["market_temperature_generative"])
            share_phys = softmax(cap_phys, a["market_temperature_physical"])
            # Factories buy at home first (closed form of docs/MODEL.md step 7).
            made = inp.value_added[k]
            demand = col(made / made.sum() if made.sum() > 0 else np.zeros(R))
            extra = np.exp(a["physical_home_bias"]) - 1.0
            q = 1.0 + extra * share_phys
            domestic_phys = (extra + 1.0) * share_phys / q
            share_phys = share_phys * ((demand / q).sum(axis=0) + extra * demand / q)
            value = a["market_size_multiplier"] * (inp.market_gen[k] * share_gen
                                                   + inp.market_phys[k] * share_phys)

            # Best foreign capability: the column maximum, or the second largest
            # for the region that holds the maximum.
            if R > 1:
                top_two = np.partition(cap_gen, R - 2, axis=0)[R - 2:]
                foreign = np.where(cap_gen == top_two[1], top_two[0], top_two[1])
            else:
                foreign = np.full((R, S), -math.inf)
            logit = ((cap_gen - foreign) / a["sovereignty_scale"] + home_advantage
                     + a["sovereignty_data_weight"]
                     * np.log10(np.maximum(data_gen, tiny) / np.maximum(data_gen_start, tiny)))
            with np.errstate(over="ignore"):
                sovereignty = 1.0 / (1.0 + np.exp(-logit))

            behind_gen = years_behind(gen_rows, cap_gen)
            behind_phys = years_behind(phys_rows, cap_phys)
            rank_gen, rank_phys = rank_of(cap_gen), rank_of(cap_phys)

            reinvested = a["reinvestment_rate"] * value
            if k == 0:
                private_exogenous = np.maximum(0.0, col(inp.private_investment) - reinvested)
            private = private_exogenous + reinvested

            budget = lever["public_budget"][k]
            phi = lever["physical_focus"][k]
            s = a["private_physical_share"]
            money = {}
            for c in ("compute", "data", "adoption"):
                public = budget * alloc_pub[c]
                private_c = private * alloc_priv[c]
                money[c, "gen"] = public * (1.0 - phi) + private_c * (1.0 - s)
                money[c, "phys"] = public * phi + private_c * s
            for c in ("talent", "power"):
                money[c] = budget * alloc_pub[c] + private * alloc_priv[c]
            robot_installations = (col(inp.robot_installations[:, k])
                                   * (1.0 + a["robot_installation_growth"]) ** col(inp.robot_growth_years[:, k])
                                   + budget * alloc_pub["adoption"] * phi * 1e9 / a["robot_cost"])
            # Within the room: max_robot_density per 10,000 manufacturing
            # employees, counting the older robots still at work next year.
            still_working = sum(cohort * working(y, year + 1) for y, cohort in installed.items() if y < year)
            room = a["max_robot_density"] * col(inp.employees[year]) / 1e4
            robot_installations = np.minimum(robot_installations, np.maximum(room - still_working, 0.0))

            if k in where:
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
                    "Robots|Density": robots * 1e4 / col(np.where(inp.employees[year - 1] > 0,
                                                                  inp.employees[year - 1], np.inf)),
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
                    "Sovereignty|Generative": sovereignty,
                    "Sovereignty|Physical": domestic_phys,
                    "Investment|Public": budget,
                    "Investment|Private": private,
                    "Investment|Public|Cumulative": public_cumulative + budget,
                }
                for index, region, variable in where[k]:
                    out[index] = np.broadcast_to(row[variable], (R, S))[region]

            # --- advance to 1 January of the next year ---
            people = np.maximum(researchers, 1.0)
            attractiveness = (a["attraction_compute_weight"] * np.log(np.maximum(op_total / people, tiny))
                              + a["attraction_money_weight"] * np.log(np.maximum(private / people, tiny)))
            trained = money["talent"] * 1e9 / a["cost_per_researcher"] + a["researcher_growth"] * researchers
            e = np.exp(attractiveness - attractiveness.max(axis=0))
            if has_talent_alliance:
                denominator = e.sum(axis=0) + gain * (B.T @ e)
                w = researchers / denominator
                moved = e * (w.sum(axis=0) + gain * (B @ w))
            else:  # B = I
                denominator = e.sum(axis=0) + gain * e
                w = researchers / denominator
                moved = e * (w.sum(axis=0) + gain * w)
            researchers = (1.0 - mobility) * researchers + mobility * moved + trained

            price = a["capex_per_h100e"] / a["hardware_price_performance_growth"] ** k
            survival = 1.0 - a["compute_depreciation"]
            chip = lever["chip_access"][k]
            # Domestic chips are bought first where worth more per dollar;
            # open-market orders share the world's chip output (docs/MODEL.md, step 2).
            supply, value = col(inp.domestic_supply[:, k]), col(inp.domestic_value)
            at_home = value * (money["compute", "gen"] + money["compute", "phys"]) * 1e9 / price
            spent_at_home = np.where((supply > 0) & (value > chip),
                                     np.minimum(1.0, supply / np.maximum(at_home, 5e-324)), 0.0)
            imported = (1.0 - spent_at_home) * chip
            domestic = spent_at_home * value
            deliveries = lever["gpu_deliveries"][k]
            orders_gen = imported * money["compute", "gen"] * 1e9 / price + deliveries * (1.0 - phi)
            orders_phys = imported * money["compute", "phys"] * 1e9 / price + deliveries * phi
            output = a["chip_supply"] * a["chip_supply_growth"] ** k
            filled = np.minimum(1.0, output / np.maximum(orders_gen.sum(axis=0) + orders_phys.sum(axis=0),
                                                         5e-324))
            compute_gen = (survival * compute_gen + filled * orders_gen
                           + domestic * money["compute", "gen"] * 1e9 / price)
            compute_phys = (survival * compute_phys + filled * orders_phys
                            + domestic * money["compute", "phys"] * 1e9 / price)
            # Power follows dollars; each chip keeps the kW of its year.
            kw_new = a["kw_per_h100e"] / a["energy_efficiency_growth"] ** k
            dollars = (money["compute", "gen"] + money["compute", "phys"]) * 1e9 / price
            fleet_kw = survival * fleet_kw + kw_new * (
                spent_at_home * dollars + filled * ((1.0 - spent_at_home) * dollars + deliveries))
            power = power + lever["power_growth"][k] + money["power"] / a["cost_per_gw"]

            data_phys = ((1.0 - a["physical_data_decay"]) * data_phys + robots
                         + money["data", "phys"] * 1e9 / a["cost_per_robot_year_data"])
            installed[inp.t0 + k] = robot_installations
            robots = sum(cohort * working(y, inp.t0 + k + 1) for y, cohort in installed.items())
            data_gen = ((1.0 + a["generative_data_growth"]) * data_gen
                        + (money["data", "gen"] + money["adoption", "gen"]) / a["cost_per_trillion_tokens"])

            boom = a["private_boom"] * 0.5 ** (k / a["private_boom_half_life"])
            private_exogenous = private_exogenous * np.maximum(0.0, 1.0 + col(inp.private_growth[:, k]) + boom)
            public_cumulative = public_cumulative + budget

        return out

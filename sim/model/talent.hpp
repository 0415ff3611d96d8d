// Step 3 of docs/MODEL.md: researchers are trained, and a mobile share of them
// re-chooses where to work.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Advances researchers H by one year:
//   H <- H - o + e * (A q) + growth * H + money_talent * 1e9 / cost_per_researcher
// where
//   o = mobility * H                        researchers re-choosing (R x N)
//   a = w_c ln(K_op / H) + w_m ln(P / H)    attractiveness: compute and private
//                                           money per researcher (floored at 1)
//   e = exp(a - max_r a)                    per draw; the shift cancels below
//   A = 1 + (exp(home_bias) - 1) G,  G = I + talent_alliance   (R x R)
//   Z = A^T e,  q = o / Z                   normaliser per origin region
// A researcher leaving j picks i with probability e_i A_ij / Z_j: a softmax of
// attractiveness with a home bias that alliances extend to partners. Each
// origin's probabilities sum to 1, so migration conserves researchers exactly
// (up to rounding). A = J + (exp(b) - 1) G with J all ones lets the per-draw
// bias b multiply the two fixed R x R products G e and G q.
// `private_investment` is this year's private money (USD bn / yr).
void StepTalent(const ModelInputs& inputs, const DrawAssumptions& assumptions,
                const YearMoney& money, const YearOutcome& outcome,
                const RegionDrawArray& private_investment, State& state, Scratch& scratch);

// The migration part alone (no training), exposed for the conservation tests:
// moves researchers given attractiveness `attractiveness` (R x N, any shift).
void MigrateResearchers(const AllianceMatrices& alliances, const DrawRow& mobility,
                        const DrawRow& home_bias, const RegionDrawArray& attractiveness,
                        RegionDrawArray& researchers, Scratch& scratch);

}  // namespace sim

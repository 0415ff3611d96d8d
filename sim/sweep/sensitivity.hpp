// Sensitivity estimators for Saltelli/Sobol and Morris designs, as SALib
// computes them (sobol.analyze without second order; morris.analyze).
#pragma once

#include <cstdint>

#include "sim/eigen_types.hpp"
#include "sim/sweep/sampling.hpp"

namespace sim {

struct SobolIndices {
  Eigen::ArrayXd first, first_conf, total, total_conf;  // one per varied path
};

// outputs: model outputs in SampleDesign's Saltelli order (N * (D + 2)
// values), standardised to y = (outputs - mean) / std over all of them before
// estimating, as SALib's sobol.analyze does (since v1.0.2). First order (Saltelli et al. 2010): S1_d = mean(f(B) (f(AB_d) - f(A))) / V;
// total (Jansen 1999): ST_d = mean((f(A) - f(AB_d))^2) / (2 V); V = the
// population variance of f(A) and f(B) together. Confidence half-widths:
// z_{(1 + confidence) / 2} times the standard deviation (ddof 1) of the
// estimates over `resamples` bootstrap resamples of the N base rows, drawn
// from a generator seeded by `seed`. A constant output gives indices 0.
SobolIndices SobolAnalyze(const Eigen::ArrayXd& outputs, int dimensions, int resamples,
                          double confidence, std::uint64_t seed);

struct MorrisIndices {
  Eigen::ArrayXd mu, mu_star, sigma, mu_star_conf;  // one per varied path
};

// y: outputs in the design's trajectory order (r * (D + 1) values).
// Elementary effect of path d in a trajectory: (y_k - y_{k-1}) / delta_k,
// delta in unit-cube space (so effects are per full range of the path).
// mu, mu* = mean |EE| (Campolongo et al. 2007), sigma = std (ddof 1);
// mu*_conf by bootstrap over trajectories as for Sobol.
MorrisIndices MorrisAnalyze(const Eigen::ArrayXd& y, const SampleDesign& design, int resamples,
                            double confidence, std::uint64_t seed);

}  // namespace sim

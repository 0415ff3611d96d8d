// Alliance coupling of R x N stocks (docs/MODEL.md: compute, data and talent
// alliances), with the R x R x N product skipped where it cannot change a bit.
#pragma once

#include "sim/eigen_types.hpp"

namespace sim {

// What each region can use of a stock: its own plus its partners' shares,
//   usable = own + share * own      (share: R x R, zero diagonal; own: R x N).
// Returns `own` itself when `share` is all zero (no alliance): the product
// would only add exact zeros to finite stocks. Otherwise computes into `out`
// and returns it. `out` must not be `own`.
const RegionDrawArray& WithPartners(const RegionMatrix& share, const RegionDrawArray& own,
                                    RegionDrawArray& out);

// matrix * x (R x R times R x N). Returns `x` itself when `matrix` is the
// identity (the talent affinity without talent alliances), where the product
// is x exactly; otherwise computes into `out` and returns it. `out` must not
// be `x`.
const RegionDrawArray& Couple(const RegionMatrix& matrix, const RegionDrawArray& x,
                              RegionDrawArray& out);

}  // namespace sim

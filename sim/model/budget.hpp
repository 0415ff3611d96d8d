// Step 1 of docs/MODEL.md: the year's money by purpose and sector.
#pragma once

#include "sim/model/inputs.hpp"
#include "sim/model/state.hpp"

namespace sim {

// Fills `money` for year index `year` (0 = start year) from the public money
// tables and this year's private investment `private_investment` (R x N,
// USD bn / yr). Private compute, data and adoption money is split between
// sectors by the assumption private_physical_share (s):
//   private_c,phys = P * private_allocation[c] * s,  private_c,gen = ... * (1 - s).
// Each purpose's total is the public plus the private part.
void AllocateMoney(const ModelInputs& inputs, const DrawAssumptions& assumptions, int year,
                   const RegionDrawArray& private_investment, YearMoney& money, Scratch& scratch);

}  // namespace sim

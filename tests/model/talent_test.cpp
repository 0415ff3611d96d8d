// Migration (step 3): researchers move, none appear or vanish.
#include <catch2/catch.hpp>

#include <random>

#include "sim/model/talent.hpp"

namespace sim {
namespace {

// Migration is a sum of R products per region; 1e-9 relative is the spec's
// conservation bound and far above the rounding of a few hundred operations.
constexpr double kConservation = 1e-9;

AllianceMatrices Alliances(int regions, double talent_share) {
  AllianceMatrices m;
  m.compute = m.data = RegionMatrix::Zero(regions, regions);
  m.talent = RegionMatrix::Zero(regions, regions);
  if (regions >= 2) m.talent(0, 1) = m.talent(1, 0) = talent_share;
  m.talent_affinity = RegionMatrix::Identity(regions, regions) + m.talent;
  m.talent_affinity_transposed = m.talent_affinity.transpose();
  return m;
}

}  // namespace

TEST_CASE("migration conserves total researchers in every draw") {
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  for (int regions : {1, 2, 9, 40}) {
    for (double talent_share : {0.0, 0.5, 1.0}) {
      const int draws = 64;
      RegionDrawArray researchers(regions, draws), attractiveness(regions, draws);
      for (int i = 0; i < regions; ++i) {
        for (int j = 0; j < draws; ++j) {
          researchers(i, j) = 1e4 * uniform(random) * (i % 3 == 0 ? 100 : 1);
          attractiveness(i, j) = 20.0 * (uniform(random) - 0.5);  // wide: e^20 ratios
        }
      }
      DrawRow mobility = DrawRow::Constant(draws, 0.3), bias = DrawRow::Constant(draws, 2.0);
      mobility(0) = 1.0;  // everyone re-chooses
      bias(1) = 0.0;      // no home preference
      const Eigen::ArrayXd before = researchers.colwise().sum().transpose();
      Scratch scratch;
      scratch.Resize(regions, draws);
      MigrateResearchers(Alliances(regions, talent_share), mobility, bias, attractiveness,
                         researchers, scratch);
      const Eigen::ArrayXd after = researchers.colwise().sum().transpose();
      INFO("regions " << regions << " talent share " << talent_share);
      CHECK(((after - before).abs() / before).maxCoeff() <= kConservation);
      CHECK(researchers.minCoeff() >= 0.0);
    }
  }
}

TEST_CASE("with equal attractiveness and no mobility nobody moves") {
  RegionDrawArray researchers(3, 2);
  researchers << 100, 200, 50, 60, 10, 0;
  const RegionDrawArray before = researchers;
  Scratch scratch;
  scratch.Resize(3, 2);
  MigrateResearchers(Alliances(3, 0.0), DrawRow::Zero(2), DrawRow::Constant(2, 2.0),
                     RegionDrawArray::Zero(3, 2), researchers, scratch);
  CHECK((researchers == before).all());
}

TEST_CASE("researchers move towards the more attractive region") {
  RegionDrawArray researchers(2, 1), attractiveness(2, 1);
  researchers << 1000, 1000;
  attractiveness << 1.0, 0.0;
  Scratch scratch;
  scratch.Resize(2, 1);
  MigrateResearchers(Alliances(2, 0.0), DrawRow::Constant(1, 0.1), DrawRow::Constant(1, 0.0),
                     attractiveness, researchers, scratch);
  CHECK(researchers(0, 0) > 1000.0);
  CHECK(researchers(1, 0) < 1000.0);
  // Without home bias every mover picks by softmax: share e/(1+e) to region 0.
  const double to_first = std::exp(1.0) / (1.0 + std::exp(1.0));
  CHECK(researchers(0, 0) == Approx(900 + 200 * to_first).epsilon(1e-12));
}

}  // namespace sim

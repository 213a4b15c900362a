// QuantLib 1.29 throughput on the chain of PricingBench (bs-bench), for same-moment comparisons
// with the Java JMH figures: see run.sh beside this file and docs/performance.md.
//
// Input: CSV lines "call,spot,strike,expiry,rate,dividend,vol" (call is 1 or 0), as written by
// io.github.bsoptions.bench.QuantLibChain. Each timed iteration loops over the chain for about
// one second and prints options per second; the first iterations are warm-up.
//
// Operations (the first argument):
//   price        BSM price from spot, strike, expiry, rate, dividend yield and volatility: the
//                forward, standard deviation and discount computed per option (two exp, a sqrt),
//                then QuantLib::blackFormula: the work of one call of BlackScholesFormulas.price.
//   black        QuantLib::blackFormula alone, forward, standard deviation and discount
//                precomputed per option outside the timed loop.
//   greeks       BlackCalculator value, delta, gamma, vega, theta and rho (per year, per 1.00):
//                the work of BlackScholesFormulas.priceAndFirstOrderGreeks.
#include <ql/pricingengines/blackcalculator.hpp>
#include <ql/pricingengines/blackformula.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using QuantLib::BlackCalculator;
using QuantLib::Option;

namespace {

struct Chain {
  std::vector<Option::Type> type;
  std::vector<double> spot, strike, expiry, rate, div, vol, fwd, stdev, disc;
};

Chain read(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path);
    std::exit(2);
  }
  Chain c;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream ss(line);
    std::string f[7];
    for (auto& x : f) std::getline(ss, x, ',');
    c.type.push_back(f[0] == "1" ? Option::Call : Option::Put);
    c.spot.push_back(std::strtod(f[1].c_str(), nullptr));
    c.strike.push_back(std::strtod(f[2].c_str(), nullptr));
    c.expiry.push_back(std::strtod(f[3].c_str(), nullptr));
    c.rate.push_back(std::strtod(f[4].c_str(), nullptr));
    c.div.push_back(std::strtod(f[5].c_str(), nullptr));
    c.vol.push_back(std::strtod(f[6].c_str(), nullptr));
    double t = c.expiry.back();
    c.fwd.push_back(c.spot.back() * std::exp((c.rate.back() - c.div.back()) * t));
    c.stdev.push_back(c.vol.back() * std::sqrt(t));
    c.disc.push_back(std::exp(-c.rate.back() * t));
  }
  return c;
}

// One pass over the chain; returns a checksum so that nothing is optimised away.
double pass(const Chain& c, const std::string& op) {
  const size_t n = c.spot.size();
  double sum = 0;
  if (op == "price") {
    for (size_t i = 0; i < n; i++) {
      double t = c.expiry[i];
      double fwd = c.spot[i] * std::exp((c.rate[i] - c.div[i]) * t);
      double disc = std::exp(-c.rate[i] * t);
      sum += QuantLib::blackFormula(c.type[i], c.strike[i], fwd, c.vol[i] * std::sqrt(t), disc);
    }
  } else if (op == "black") {
    for (size_t i = 0; i < n; i++) {
      sum += QuantLib::blackFormula(c.type[i], c.strike[i], c.fwd[i], c.stdev[i], c.disc[i]);
    }
  } else {
    for (size_t i = 0; i < n; i++) {
      double t = c.expiry[i];
      double s = c.spot[i];
      double fwd = s * std::exp((c.rate[i] - c.div[i]) * t);
      double disc = std::exp(-c.rate[i] * t);
      BlackCalculator bc(c.type[i], c.strike[i], fwd, c.vol[i] * std::sqrt(t), disc);
      sum += bc.value() + bc.delta(s) + bc.gamma(s) + bc.vega(t) + bc.theta(s, t) + bc.rho(t);
    }
  }
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s price|black|greeks chain.csv [warmup] [iterations]\n", argv[0]);
    return 2;
  }
  std::string op = argv[1];
  if (op != "price" && op != "black" && op != "greeks") {
    std::fprintf(stderr, "unknown operation %s\n", op.c_str());
    return 2;
  }
  Chain c = read(argv[2]);
  int warmup = argc > 3 ? std::atoi(argv[3]) : 3;
  int iterations = argc > 4 ? std::atoi(argv[4]) : 5;
  double sink = 0;
  for (int it = -warmup; it < iterations; it++) {
    auto start = std::chrono::steady_clock::now();
    long options = 0;
    double seconds = 0;
    do {
      sink += pass(c, op);
      options += static_cast<long>(c.spot.size());
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (seconds < 1.0);
    std::printf("%s %s iteration %d: %.0f ops/s\n", op.c_str(), it < 0 ? "warmup" : "measure",
                it < 0 ? it + warmup + 1 : it + 1, options / seconds);
  }
  std::fprintf(stderr, "checksum %.17g\n", sink);
  return 0;
}

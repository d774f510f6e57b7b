//! Summary statistics over repeated timings.

/// The summary of one (program, engine) cell's timings, in seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Median of the runs.
    pub median: f64,
    /// Fastest run.
    pub min: f64,
    /// Slowest run.
    pub max: f64,
    /// Median absolute deviation from the median.
    pub mad: f64,
    /// Number of runs summarised.
    pub n: usize,
}

impl Summary {
    /// Summarises `samples`; `None` when there are none (or any is not finite).
    pub fn of(samples: &[f64]) -> Option<Summary> {
        if samples.is_empty() || samples.iter().any(|x| !x.is_finite()) {
            return None;
        }
        let m = median(samples)?;
        let deviations: Vec<f64> = samples.iter().map(|x| (x - m).abs()).collect();
        Some(Summary {
            median: m,
            min: samples.iter().copied().fold(f64::INFINITY, f64::min),
            max: samples.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            mad: median(&deviations)?,
            n: samples.len(),
        })
    }

    /// The relative spread: half the min–max range over the median (0 for a single run).
    pub fn spread(&self) -> f64 {
        if self.median <= 0.0 {
            0.0
        } else {
            (self.max - self.min) / 2.0 / self.median
        }
    }
}

/// The median of `xs` (the mean of the middle two for an even count); `None` when empty.
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// The geometric mean of positive values; `None` when empty or when any value is not positive.
pub fn geometric_mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() || xs.iter().any(|&x| !(x > 0.0 && x.is_finite())) {
        return None;
    }
    Some((xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_odd_even_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7.0]), Some(7.0));
    }

    #[test]
    fn summary_spread_and_mad() {
        let s = Summary::of(&[1.0, 1.2, 0.9, 1.1, 5.0]).unwrap();
        assert_eq!(s.median, 1.1);
        assert_eq!(s.min, 0.9);
        assert_eq!(s.max, 5.0);
        // deviations 0.1, 0.1, 0.2, 0.0, 3.9 -> median 0.1
        assert!((s.mad - 0.1).abs() < 1e-12);
        assert!((s.spread() - (4.1 / 2.0 / 1.1)).abs() < 1e-12);
        assert_eq!(Summary::of(&[2.0]).unwrap().spread(), 0.0);
        assert!(Summary::of(&[]).is_none());
        assert!(Summary::of(&[1.0, f64::NAN]).is_none());
    }

    #[test]
    fn geometric_mean_basics() {
        assert!((geometric_mean(&[1.0, 4.0]).unwrap() - 2.0).abs() < 1e-12);
        assert!((geometric_mean(&[2.0, 8.0, 4.0]).unwrap() - 4.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[]), None);
        assert_eq!(geometric_mean(&[1.0, 0.0]), None);
        assert_eq!(geometric_mean(&[1.0, -2.0]), None);
    }
}

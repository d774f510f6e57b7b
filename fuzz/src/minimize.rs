//! Delta debugging over lines: the smallest program (1-minimal in lines) that still fails.

/// Shrinks `lines` while `fails` holds for the remaining lines (`fails(lines)` must hold on
/// entry). Zeller's ddmin: remove ever smaller chunks, then single lines until none can go.
pub fn minimize<F: FnMut(&[String]) -> bool>(lines: Vec<String>, mut fails: F) -> Vec<String> {
    let mut cur = lines;
    let mut n = 2usize;
    while cur.len() >= 2 {
        let chunk = cur.len().div_ceil(n);
        let mut reduced = false;
        let mut start = 0;
        while start < cur.len() {
            let end = (start + chunk).min(cur.len());
            let candidate: Vec<String> = cur[..start].iter().chain(&cur[end..]).cloned().collect();
            if !candidate.is_empty() && fails(&candidate) {
                cur = candidate;
                reduced = true;
                // Stay at this position: the next chunk moved into it.
            } else {
                start = end;
            }
        }
        if reduced {
            n = n.saturating_sub(1).max(2);
        } else if chunk == 1 {
            break;
        } else {
            n = (n * 2).min(cur.len());
        }
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("line {i}")).collect()
    }

    #[test]
    fn keeps_exactly_the_needed_lines() {
        let needed = ["line 3", "line 17", "line 40"];
        let mut tests = 0;
        let got = minimize(lines(60), |c| {
            tests += 1;
            needed.iter().all(|n| c.iter().any(|l| l == n))
        });
        assert_eq!(got, needed.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(tests < 400, "{tests} tests");
    }

    #[test]
    fn respects_an_order_dependent_predicate() {
        // Fails while some line 5 comes before some line 9 and the program has at least 4 lines.
        let got = minimize(lines(30), |c| {
            let a = c.iter().position(|l| l == "line 5");
            let b = c.iter().position(|l| l == "line 9");
            c.len() >= 4 && matches!((a, b), (Some(a), Some(b)) if a < b)
        });
        assert_eq!(got.len(), 4);
        assert!(got.contains(&"line 5".to_string()) && got.contains(&"line 9".to_string()));
    }

    #[test]
    fn single_line_stays() {
        assert_eq!(minimize(lines(1), |_| true), lines(1));
    }
}

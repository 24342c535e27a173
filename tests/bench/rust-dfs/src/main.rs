//! A plain single-threaded depth-first search for CLOSURE samples, in Rust, writing the same CSV as
//! `cohort closure --out file.csv` (`id,horns,v1…vn`, horns rounded to 6 decimals): the baseline of
//! tests/bench/closure-output.bench.ts. closure-core's algorithm (Jung, github.com/lhdjung/closure-core):
//! non-decreasing value sequences with a running sum and Welford's M2, pruned on the sum and on M2,
//! here without threads or Parquet so that it does exactly the job the benchmark times.
//! Usage: closure-dfs-baseline MEAN SD N MIN MAX MEAN_ERROR SD_ERROR OUT.csv
use std::env;
use std::fs::File;
use std::io::{BufWriter, Write};

struct Search<'a> {
    n: usize,
    min: i64,
    max: i64,
    sum_low: f64,
    sum_high: f64,
    m2_low: f64,
    m2_high: f64,
    values: Vec<i64>,
    found: u64,
    out: &'a mut BufWriter<File>,
    row: Vec<u8>,
}

impl<'a> Search<'a> {
    fn walk(&mut self, depth: usize, last: i64, sum: f64, mean: f64, m2: f64) {
        if depth == self.n {
            if sum >= self.sum_low && sum <= self.sum_high && m2 >= self.m2_low && m2 <= self.m2_high {
                self.found += 1;
                self.write_row();
            }
            return;
        }
        let left = (self.n - depth - 1) as f64;
        let mut value = last;
        while value <= self.max {
            let next_sum = sum + value as f64;
            if next_sum + value as f64 * left > self.sum_high {
                break;
            }
            if next_sum + self.max as f64 * left >= self.sum_low {
                let count = (depth + 1) as f64;
                let delta = value as f64 - mean;
                let next_mean = mean + delta / count;
                let next_m2 = m2 + delta * (value as f64 - next_mean);
                if next_m2 <= self.m2_high {
                    self.values[depth] = value;
                    self.walk(depth + 1, value, next_sum, next_mean, next_m2);
                }
            }
            value += 1;
        }
    }

    fn write_row(&mut self) {
        // Horns index: population variance of the values / ((max − min)² / 4), as unsum and cohortcheck.
        let n = self.n as f64;
        let (mut s, mut q) = (0f64, 0f64);
        for &v in &self.values {
            let x = (v - self.min) as f64;
            s += x;
            q += x * x;
        }
        let mean = s / n;
        let variance = (q / n - mean * mean).max(0.0);
        let span = (self.max - self.min) as f64;
        let horns = if span == 0.0 { 0.0 } else { variance / (span * span / 4.0) };
        self.row.clear();
        write!(self.row, "{},", self.found).unwrap();
        // JavaScript's Number(x.toFixed(6)): six decimals, trailing zeros dropped.
        let mut text = format!("{:.6}", horns);
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
        self.row.extend_from_slice(text.as_bytes());
        for &v in &self.values {
            self.row.push(b',');
            write!(self.row, "{}", v).unwrap();
        }
        self.row.push(b'\n');
        self.out.write_all(&self.row).unwrap();
    }
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 9 {
        eprintln!("usage: closure-dfs-baseline MEAN SD N MIN MAX MEAN_ERROR SD_ERROR OUT.csv");
        std::process::exit(2);
    }
    let number = |i: usize| args[i].parse::<f64>().expect("a number");
    let (mean, sd, n, min, max, mean_error, sd_error) = (number(1), number(2), number(3) as usize, number(4) as i64, number(5) as i64, number(6), number(7));
    let nf = n as f64;
    let sd_low = (sd - sd_error - 1e-9).max(0.0);
    let sd_high = sd + sd_error + 1e-9;
    let file = File::create(&args[8]).expect("cannot create the output file");
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut header = String::from("id,horns");
    for i in 1..=n {
        header.push_str(&format!(",v{}", i));
    }
    header.push('\n');
    out.write_all(header.as_bytes()).unwrap();
    let mut search = Search {
        n,
        min,
        max,
        sum_low: nf * (mean - mean_error) - 1e-9 * nf,
        sum_high: nf * (mean + mean_error) + 1e-9 * nf,
        m2_low: sd_low * sd_low * (nf - 1.0),
        m2_high: sd_high * sd_high * (nf - 1.0),
        values: vec![0; n],
        found: 0,
        out: &mut out,
        row: Vec::with_capacity(16 * n + 64),
    };
    search.walk(0, min, 0.0, 0.0, 0.0);
    let found = search.found;
    out.flush().unwrap();
    println!("{}", found);
}

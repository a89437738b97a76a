//! The common JSON number, read fast: a decimal whose significant digits
//! make an integer `m` of at most 2^53 and whose power of ten is within ±22
//! is exactly `m × 10^e` or `m / 10^-e` of two exactly representable f64s,
//! and one IEEE operation rounds that correctly (Clinger's fast path). Everything else goes to
//! the general conversion, which is exact too but slower per number: on a
//! body of numbers like `0.5`, the difference is most of the validator's
//! time.

/// The general conversion of a literal the fast path did not take
/// (`Decimal::value`). `None` only when the general conversion is
/// missing (see `set_general`).
pub fn parse_general(literal: &str) -> Option<f64> {
    general(literal)
}

/// Natively, Rust's own conversion: exact, linear in the literal.
#[cfg(not(target_arch = "wasm32"))]
fn general(literal: &str) -> Option<f64> {
    literal.parse().ok()
}

/// A general decimal-to-binary conversion.
#[cfg(target_arch = "wasm32")]
type General = fn(&str) -> f64;

#[cfg(target_arch = "wasm32")]
thread_local! {
    static GENERAL: std::cell::Cell<Option<General>> = const { std::cell::Cell::new(None) };
}

/// In WebAssembly, the conversion the host gives (`set_general`): Rust's
/// would add its decimal tables to the module (about 19 kB gzip) for the
/// rare number the fast path does not take.
#[cfg(target_arch = "wasm32")]
fn general(literal: &str) -> Option<f64> {
    GENERAL
        .with(std::cell::Cell::get)
        .map(|parse| parse(literal))
}

/// Gives the general decimal-to-binary conversion, exact (as the host's
/// `parseFloat` is, the one `JSON.parse` uses): the skin passes it in, so the
/// core needs nothing of the skin.
#[cfg(target_arch = "wasm32")]
pub fn set_general(parse: General) {
    GENERAL.with(|general| general.set(Some(parse)));
}

/// Powers of ten that an f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The largest mantissa the fast path takes: every integer up to 2^53 is
/// exact in an f64 (2^53 + 1 is the first that is not).
pub const MAX_MANTISSA: u64 = 1 << 53;

/// Significant digits the fast path reads: 2^53 has 16, so a mantissa of
/// 16 digits is compared with `MAX_MANTISSA`, and one of 17 never fits.
pub const MAX_DIGITS: u32 = 16;

/// A decimal read digit by digit, as the tokenizer meets them: what the
/// fast path needs, gathered in the same pass that checks the grammar.
#[derive(Debug, Default, Clone, Copy)]
pub struct Decimal {
    /// The significant digits read, while there are at most `MAX_DIGITS`
    /// (below 10^16: no overflow).
    mantissa: u64,
    /// Significant digits read (leading zeros are not).
    digits: u32,
    /// The power of ten of the mantissa's last digit, before the exponent.
    scale: i32,
}

impl Decimal {
    /// An integer part of `digits` digits (at most `MAX_DIGITS`, with no
    /// leading zero but for `0` itself), read already; `value` checks it
    /// against `MAX_MANTISSA`.
    pub fn integer(mantissa: u64, digits: usize) -> Decimal {
        Decimal {
            mantissa,
            digits: if mantissa == 0 { 0 } else { digits as u32 },
            scale: 0,
        }
    }

    /// Adds the digit `d` (0 to 9), of the fraction when `fraction`;
    /// `false` once there are too many digits for the fast path (the
    /// value is then the general conversion's, and later digits change
    /// nothing here).
    #[inline]
    pub fn push(&mut self, d: u8, fraction: bool) -> bool {
        if self.mantissa != 0 || d != 0 {
            self.digits += 1;
            if self.digits > MAX_DIGITS {
                return false;
            }
        }
        self.mantissa = self.mantissa * 10 + u64::from(d);
        if fraction {
            self.scale -= 1;
        }
        true
    }

    /// The value with the exponent `exponent` (saturated), negated when
    /// `negative`, when the fast path applies; `None` sends the literal to
    /// the general conversion.
    pub fn value(self, negative: bool, exponent: i32) -> Option<f64> {
        if self.digits > MAX_DIGITS || self.mantissa > MAX_MANTISSA {
            return None;
        }
        if self.scale == 0 && exponent == 0 {
            // An integer: exact as it is.
            let n = self.mantissa as f64;
            return Some(if negative { -n } else { n });
        }
        let scale = self.scale.saturating_add(exponent);
        // `digits` significant digits times 10^scale lies in
        // [10^(digits - 1 + scale), 10^(digits + scale)): past the largest f64
        // (1.8e308) it is infinite, below half the smallest (2.5e-324) it is 0.
        // Exact, and a flood of `1e999` costs no call to the general conversion.
        let magnitude = i64::from(scale) + i64::from(self.digits);
        let value = if self.mantissa == 0 || magnitude <= -324 {
            0.0
        } else if magnitude > 309 {
            f64::INFINITY
        } else if scale >= 0 {
            self.mantissa as f64 * *POW10.get(usize::try_from(scale).ok()?)?
        } else {
            self.mantissa as f64 / *POW10.get(usize::try_from(-scale).ok()?)?
        };
        Some(if negative { -value } else { value })
    }
}

/// The value of `mantissa` × 10^-`fraction_digits` (at most 22): the fast
/// path's one division, correctly rounded; `None` when the mantissa is past
/// `MAX_MANTISSA` (not exact in an f64), for the general conversion.
#[inline]
pub fn short_fraction(mantissa: u64, fraction_digits: usize) -> Option<f64> {
    if mantissa > MAX_MANTISSA {
        return None;
    }
    Some(mantissa as f64 / *POW10.get(fraction_digits)?)
}

/// Adds the exponent digit `d` to `e`, saturated: any exponent past a
/// billion says the same as one.
#[inline]
pub fn push_exponent(e: i32, d: u8) -> i32 {
    e.min(100_000_000) * 10 + i32::from(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path over a whole literal, digit by digit as the tokenizer
    /// reads it; `None` sends it to the general parser.
    fn fast(literal: &[u8]) -> Option<f64> {
        let (negative, rest) = match literal.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, literal),
        };
        let mut decimal = Decimal::default();
        let mut fraction = false;
        let mut i = 0;
        while let Some(&b) = rest.get(i) {
            match b {
                b'0'..=b'9' => {
                    if !decimal.push(b - b'0', fraction) {
                        return None;
                    }
                }
                b'.' => fraction = true,
                b'e' | b'E' => break,
                _ => return None,
            }
            i += 1;
        }
        let mut exponent = 0;
        if let Some(e) = rest.get(i + 1..) {
            let (sign, e) = match e.split_first() {
                Some((b'-', e)) => (-1, e),
                Some((b'+', e)) => (1, e),
                _ => (1, e),
            };
            if e.is_empty() {
                return None;
            }
            let e = e.iter().try_fold(0i32, |e, &d| {
                d.is_ascii_digit().then(|| push_exponent(e, d - b'0'))
            })?;
            exponent = sign * e;
        }
        decimal.value(negative, exponent)
    }

    #[test]
    fn agrees_with_the_general_parser() {
        let mantissas = [
            "0",
            "1",
            "5",
            "7",
            "12",
            "999",
            "1234567",
            "900719925474099",
            "999999999999999",
            "123456789012345",
            "1000000000000000",
            "1234567890123456",
            "8640000000000001",
            "9007199254740991",
            "9007199254740992",
            "9007199254740993",
            "9999999999999999",
            "10000000000000000",
            "12345678901234567",
        ];
        let mut checked = 0;
        for m in mantissas {
            for point in 0..=m.len() {
                let (int, frac) = m.split_at(point);
                let int = if int.is_empty() { "0" } else { int };
                let int = int.trim_start_matches('0');
                let int = if int.is_empty() { "0" } else { int };
                let base = if frac.is_empty() {
                    int.to_owned()
                } else {
                    format!("{int}.{frac}")
                };
                for exp in [
                    "", "e0", "e5", "e-5", "E+22", "e-22", "e23", "e-23", "e308", "e-400", "e12",
                    "e294", "e295", "e-309", "e-310", "e-323", "e-324", "e-330", "e-338", "e-339",
                    "e-340", "e999", "e-999",
                ] {
                    for sign in ["", "-"] {
                        let literal = format!("{sign}{base}{exp}");
                        let want: f64 = literal.parse().unwrap();
                        if let Some(got) = fast(literal.as_bytes()) {
                            assert_eq!(got.to_bits(), want.to_bits(), "{literal}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 4000, "{checked}");
        assert_eq!(fast(b"0.5"), Some(0.5));
        assert_eq!(fast(b"1.7e12"), Some(1.7e12));
        assert_eq!(fast(b"0.1"), Some(0.1));
        assert_eq!(fast(b"1e400"), Some(f64::INFINITY));
        assert_eq!(fast(b"-1e999"), Some(f64::NEG_INFINITY));
        assert_eq!(fast(b"1e-400"), Some(0.0));
        assert_eq!(fast(b"1e99999999999999"), Some(f64::INFINITY));
        assert_eq!(fast(b"1e-99999999999999"), Some(0.0));
        assert_eq!(fast(b"1e308"), None);
        assert_eq!(fast(b"12345678901234567"), None);
    }

    /// Every mantissa up to 2^53 is the fast path's, at 16 digits too, with
    /// a point, an exponent or a sign; past 2^53, at 17 digits or with a
    /// power of ten past 22, none is.
    #[test]
    fn takes_every_mantissa_up_to_2_pow_53() {
        for literal in [
            "1234567890123456",
            "8640000000000001",
            "-8640000000000001",
            "9007199254740991",
            "9007199254740992",
            "-9007199254740992",
            "900719925474099.2",
            "0.9007199254740992",
            "-0.0009007199254740991",
            "9007199254740992e22",
            "9007199254740992e-22",
            "1.234567890123456e7",
            "-1234567890123456E-9",
            "1234567890123456e294",
        ] {
            let want: f64 = literal.parse().unwrap();
            let got = fast(literal.as_bytes());
            assert_eq!(got.map(f64::to_bits), Some(want.to_bits()), "{literal}");
        }
        for literal in [
            "9007199254740993",
            "-9007199254740993",
            "9999999999999999",
            "900719925474099.3",
            "0.9999999999999999",
            "9007199254740993e-5",
            "12345678901234567",
            "1.2345678901234567",
            "1234567890123456.0",
            "1234567890123456e23",
        ] {
            assert_eq!(fast(literal.as_bytes()), None, "{literal}");
        }
        assert_eq!(short_fraction(MAX_MANTISSA, 16), Some(0.9007199254740992));
        assert_eq!(short_fraction(MAX_MANTISSA + 1, 16), None);
    }
}

//! Word and sentence bounds of a text that is not all ASCII (a Spanish lab report of about
//! 1,000 words), by Evident's own UAX #29 segmenter (`text::words`) and by the
//! unicode-segmentation crate it replaced (a dev-dependency, the tests' reference), in the
//! same run. Prints figures and the ratio; asserts nothing.
//!
//!     cargo bench --bench segment
use std::hint::black_box;
use std::time::Instant;
use unicode_segmentation::UnicodeSegmentation;

const SENTENCES: [&str; 6] = [
    "Las plantas que recibieron más luz crecieron más: la planta junto a la ventana llegó a 15,2 cm.",
    "En el armario, la otra planta sólo alcanzó 4,1 cm después de dos semanas.",
    "¿Por qué? Porque la fotosíntesis necesita la energía de la luz para producir azúcares.",
    "Los datos muestran que la altura aumentó cuando aumentó la luz (9,8 cm con media luz).",
    "La próxima vez mediremos también el área de las hojas, que podría importar.",
    "«Más luz, más crecimiento», resumió el grupo en su conclusión.",
];

fn text(words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for i in 0.. {
        if count >= words {
            break;
        }
        if i > 0 {
            out.push_str(if i % 6 == 0 { "\n\n" } else { " " });
        }
        let s = SENTENCES[(7 * i) % SENTENCES.len()];
        count += s.split_whitespace().count();
        out.push_str(s);
    }
    out
}

/// Median µs of `f` over 31 samples of `batch` runs each.
fn time(batch: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut samples: Vec<f64> = (0..31)
        .map(|_| {
            let t0 = Instant::now();
            for _ in 0..batch {
                black_box(f());
            }
            t0.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let text = text(1000);
    let words = evident::text::words::words(&text).len();
    let ours_words = time(50, || evident::text::words::words(black_box(&text)).len());
    let crate_words = time(50, || {
        black_box(&text)
            .split_word_bound_indices()
            .filter(|(_, s)| s.chars().any(char::is_alphanumeric))
            .count()
    });
    let ours_sentences =
        time(50, || evident::text::words::sentence_bounds(black_box(&text)).count());
    let crate_sentences = time(50, || black_box(&text).split_sentence_bound_indices().count());
    println!("Spanish lab report: {} words, {} bytes, not all ASCII", words, text.len());
    println!(
        "words:     Evident {ours_words:8.1} µs   unicode-segmentation {crate_words:8.1} µs   {:.2}× its time",
        ours_words / crate_words
    );
    println!(
        "sentences: Evident {ours_sentences:8.1} µs   unicode-segmentation {crate_sentences:8.1} µs   {:.2}× its time",
        ours_sentences / crate_sentences
    );
}

// What the benchmark pages share.

// The benchmark's student text in the page: a lab report of about `words` words, the same
// text as benches/lab_text.rs builds natively (six sentences a paragraph, sentence
// (7 × i) mod n of lab-sentences.txt).
export function labText(sentences, words) {
  let text = "";
  let count = 0;
  for (let i = 0; count < words; i++) {
    if (i > 0) text += i % 6 === 0 ? "\n\n" : " ";
    const sentence = sentences[(7 * i) % sentences.length];
    count += sentence.split(/\s+/).filter(Boolean).length;
    text += sentence;
  }
  return text;
}

// Runs a page's benchmark and leaves its figures (or its error) in `window.benchResult`,
// where run-page.mjs waits for them.
export function publish(run) {
  run().then(
    (result) => {
      window.benchResult = result;
      document.getElementById("status").textContent = "Done.";
    },
    (error) => {
      window.benchResult = { error: String(error && error.stack ? error.stack : error) };
    },
  );
}

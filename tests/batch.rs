//! Batches without loss through the CLI: exactly one output line per input
//! article, in input order, an error object for each bad one (naming its
//! input line), a non-zero exit and a one-line summary when any failed; the
//! same output on one thread and on all of them.

mod common;

use serde_json::{json, Value};
use std::time::Duration;

fn cli(input: &[u8], args: &[&str]) -> (i32, Vec<Value>, String) {
    let (code, stdout, stderr, _) = common::run_cli(args, input.to_vec(), Duration::from_secs(120));
    let lines = stdout.lines().map(|l| serde_json::from_str(l).expect("every output line is json")).collect();
    (code.unwrap_or(-1), lines, stderr)
}

/// Twelve articles in English and Arabic, some of several paragraphs.
fn articles() -> Vec<Value> {
    (0..12)
        .map(|i| {
            if i % 2 == 0 {
                json!({"title": format!("Talks number {i}"), "body": format!("Ministers met in Baghdad on Thursday.\n\nTalks {i} go on in Paris next week.")})
            } else {
                json!({"title": format!("محادثات {i}"), "body": "اجتمع وزير الخارجية في بغداد يوم الخميس.", "lang": "ar"})
            }
        })
        .collect()
}

fn title(v: &Value) -> &str {
    v["title"].as_str().unwrap_or_default()
}

#[test]
fn json_lines_with_bad_lines_in_the_middle() {
    let good = articles();
    let mut lines: Vec<String> = good.iter().map(Value::to_string).collect();
    // Line 5: an empty body; line 8: broken json; line 10: not an object;
    // a blank line (not an article) after line 3.
    lines.insert(4, json!({"title": "empty", "body": ""}).to_string());
    lines.insert(7, "{\"title\": \"broken\", \"body\": ".to_string());
    lines.insert(9, "42".to_string());
    lines.insert(3, String::new());
    let input = lines.join("\n") + "\n";
    let (code, out, err) = cli(input.as_bytes(), &[]);
    assert_eq!(code, 1, "exit status with failures: {err}");
    assert_eq!(out.len(), good.len() + 3, "one output line per input article");
    let errors: Vec<(usize, &Value)> = out.iter().enumerate().filter(|(_, v)| v.get("error").is_some()).collect();
    let at: Vec<(usize, i64, &str)> =
        errors.iter().map(|(i, v)| (*i, v["line"].as_i64().unwrap(), v["input"].as_str().unwrap())).collect();
    // Output positions 4, 7, 9 (input order); input lines 6, 9, 11 (the blank line counts as a line).
    assert_eq!(at, vec![(4, 6, "json line 6"), (7, 9, "json line 9"), (9, 11, "json line 11")], "{errors:?}");
    assert!(errors[0].1["error"].as_str().unwrap().contains("body"));
    assert!(errors[1].1["error"].as_str().unwrap().contains("invalid json"));
    assert!(errors[2].1["error"].as_str().unwrap().contains("found number"));
    let titles: Vec<&str> = out.iter().filter(|v| v.get("error").is_none()).map(title).collect();
    let want: Vec<&str> = good.iter().map(title).collect();
    assert_eq!(titles, want, "analyses in input order");
    let summary: Vec<&str> = err.lines().collect();
    assert_eq!(summary.len(), 1, "one summary line: {err}");
    assert!(summary[0].contains("12 analysed, 3 failed"), "{err}");
    assert!(summary[0].contains("json line 6"), "{err}");
}

#[test]
fn json_array_with_a_bad_article_in_the_middle() {
    let mut items = articles();
    items.insert(6, json!({"title": "no body"}));
    items.insert(2, json!("a string"));
    let input = serde_json::to_string_pretty(&Value::Array(items.clone())).unwrap();
    let (code, out, err) = cli(input.as_bytes(), &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.len(), items.len());
    assert_eq!(out[2]["input"], "article 3");
    assert_eq!(out[7]["input"], "article 8");
    assert!(out[7]["error"].as_str().unwrap().contains("body is missing"));
    // The line where the element starts in the pretty-printed array.
    let line_of = |needle: &str| input.lines().position(|l| l.contains(needle)).unwrap() as i64;
    assert_eq!(out[7]["line"].as_i64(), Some(line_of("\"no body\"")), "{:?}", out[7]);
    assert_eq!(out[2]["line"].as_i64(), Some(line_of("\"a string\"") + 1));
    assert!(err.contains("12 analysed, 2 failed"), "{err}");
}

#[test]
fn all_good_exits_zero_and_threads_do_not_change_the_output() {
    let input: String = articles().iter().map(|a| a.to_string() + "\n").collect();
    let (code, all, err) = cli(input.as_bytes(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.trim_end().ends_with("12 analysed, 0 failed"), "{err}");
    let (_, one, _) = cli(input.as_bytes(), &["--threads", "1"]);
    let (_, three, _) = cli(input.as_bytes(), &["--threads", "3"]);
    assert_eq!(all, one);
    assert_eq!(all, three);
}

#[test]
fn single_inputs_still_work() {
    let (code, out, _) = cli(b"{\n  \"title\": \"Pretty\",\n  \"body\": \"Talks in Baghdad.\"\n}\n", &[]);
    assert_eq!((code, out.len(), title(&out[0])), (0, 1, "Pretty"));
    let (code, out, _) = cli("عنوان المقال\n\nاجتمع الوزير في بغداد.".as_bytes(), &[]);
    assert_eq!((code, out.len()), (0, 1));
    let (code, out, err) = cli(b"", &[]);
    assert_eq!((code, out.len()), (1, 1));
    assert!(out[0]["error"].as_str().unwrap().contains("empty") && err.contains("0 analysed, 1 failed"));
}

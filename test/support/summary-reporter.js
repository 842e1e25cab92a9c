// Prints one plain closing line, `jest: N passed, N failed, N skipped`, that CI logs can read
// the same way in any language, after naming each skipped test: a skipped test's name says why
// (Jest's default reporter does not print it).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults.filter((test) => test.status === 'pending' || test.status === 'todo'),
    );
    for (const test of skipped) process.stdout.write(`skipped: ${test.fullName}\n`);
    process.stdout.write(
      `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped.length} skipped\n`,
    );
  }
}

module.exports = SummaryReporter;

#pragma once
// The run log: core's messages with a time stamp, warnings and errors
// coloured, bounded so that a long run cannot grow it without limit.
#include <QPlainTextEdit>

namespace zsq::ui {

class LogView : public QPlainTextEdit {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 5000;

    explicit LogView(QWidget* parent = nullptr);

    // `level` is a zsq::LogLevel (Debug, Info, Warning, Error).
    void append(int level, const QString& text);
    int lineCount() const { return blockCount(); }
};

} // namespace zsq::ui

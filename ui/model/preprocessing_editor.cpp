#include "preprocessing_editor.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

#include "ui/run/param_help.h"
#include "ui/run/run_panel.h"
#include "ui/base/text_format.h"

namespace zsq::ui {

namespace {
const char* const kInputSize = "preprocessing.input_size";
const char* const kResize = "preprocessing.resize";
const char* const kResizeSize = "preprocessing.resize_size";
const char* const kMean = "preprocessing.mean";
const char* const kStd = "preprocessing.std";
const char* const kClassNames = "preprocessing.class_names";

// Explicit colours: readable on light and dark palettes alike.
const char* const kWarningStyle = "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c060; "
                                  "border-radius: 4px; padding: 4px 6px; }";
const char* const kErrorStyle = "QLabel { color: #b3261e; }";

QString numberText(double v)
{
    return QString::number(v, 'g', 8);
}

// A list value of the Run panel (an array, or text core will reject) as text.
QString valueText(const QJsonValue& value)
{
    if (!value.isArray())
        return value.toString();
    QStringList items;
    for (const QJsonValue& v : value.toArray())
        items << numberText(v.toDouble());
    return items.join(QStringLiteral(", "));
}

// Typed list text as valueText() shows the parsed list; text that does not
// parse stays as it is.
QString normalizedList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = QLocale::c().toDouble(item.trimmed(), &ok);
        if (!ok)
            return text;
        items << numberText(v);
    }
    return items.join(QStringLiteral(", "));
}

QString configToolTip(const char* key, const char* help)
{
    return translatedParamHelp(QLatin1String(help)) + QLatin1Char('\n') +
           PreprocessingEditor::tr("Config key: %1").arg(QLatin1String(key));
}
} // namespace

PreprocessingEditor::PreprocessingEditor(QWidget* parent) : QGroupBox(tr("Preprocessing"), parent)
{
    setObjectName(QStringLiteral("preprocessingEditor"));

    m_inputSize = new QSpinBox(this);
    m_inputSize->setRange(-1, 4096);
    m_inputSize->setSuffix(tr(" px"));
    m_inputSize->setToolTip(configToolTip(kInputSize, "input size in pixels (-1 = the model's own; 0 = the data's "
                                                      "size, for fully convolutional models)"));
    m_resize = new QComboBox(this);
    m_resize->addItem(QString(), QStringLiteral("model"));
    m_resize->addItem(tr("None: the data's own size"), QStringLiteral("none"));
    m_resize->addItem(tr("Resize to the input size"), QStringLiteral("resize"));
    m_resize->addItem(tr("Resize, then centre crop"), QStringLiteral("resize_crop"));
    m_resize->setToolTip(configToolTip(kResize, "how data of another size becomes the input: none, resize (whole "
                                                "image), resize_crop (shorter side, then centre crop); model = the "
                                                "model's own"));
    m_resizeSize = new QSpinBox(this);
    m_resizeSize->setRange(0, 8192);
    m_resizeSize->setSuffix(tr(" px"));
    m_resizeSize->setToolTip(configToolTip(kResizeSize, "resize_crop: shorter side before the centre crop (0 = the "
                                                        "model's own, or input_size / 0.875)"));
    m_mean = new QLineEdit(this);
    m_mean->setToolTip(configToolTip(kMean, "per-channel mean of the normalisation (empty = the model's own)") +
                       QLatin1Char('\n') + tr("One number per channel, separated by commas, or one for all."));
    m_std = new QLineEdit(this);
    m_std->setToolTip(configToolTip(kStd, "per-channel std of the normalisation (empty = the model's own)") +
                      QLatin1Char('\n') + tr("One number per channel, separated by commas, or one for all."));
    m_classNames = new QLineEdit(this);
    m_classNames->setToolTip(configToolTip(kClassNames, "class names: a text file with one per line, or a "
                                                        "comma-separated list (empty = the model's own)"));
    for (QLineEdit* edit : {m_mean, m_std, m_classNames})
        edit->setClearButtonEnabled(true);

    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_assumed = new QLabel(this);
    m_assumed->setObjectName(QStringLiteral("assumedPreprocessingNote"));
    m_assumed->setWordWrap(true);
    m_assumed->setStyleSheet(QLatin1String(kWarningStyle));
    m_assumed->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_assumed->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("preprocessingError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QLatin1String(kErrorStyle));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_check = new QPushButton(tr("Check on Dataset"), this);
    m_check->setToolTip(tr("Measure the full-precision model's top-1 on the first 500 images of the Run panel's "
                           "dataset with this preprocessing. Near chance means the preprocessing is almost "
                           "certainly not the one the model was trained with."));
    m_checkResult = new QLabel(this);
    m_checkResult->setObjectName(QStringLiteral("preprocessingCheckResult"));
    m_checkResult->setWordWrap(true);
    m_checkResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    auto addRow = [this, grid](int row, int column, const QString& label, QWidget* editor, int span = 1) {
        auto* name = new QLabel(label, this);
        name->setBuddy(editor);
        grid->addWidget(name, row, column);
        grid->addWidget(editor, row, column + 1, 1, span);
    };
    addRow(0, 0, tr("&Input size:"), m_inputSize);
    addRow(0, 2, tr("&Resize:"), m_resize);
    addRow(0, 4, tr("Resize si&ze:"), m_resizeSize);
    addRow(1, 0, tr("&Mean:"), m_mean, 3);
    addRow(1, 4, tr("S&td:"), m_std);
    addRow(2, 0, tr("C&lass names:"), m_classNames, 5);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);

    auto* check = new QHBoxLayout;
    check->addWidget(m_check);
    check->addWidget(m_checkResult, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_source);
    layout->addWidget(m_assumed);
    layout->addWidget(m_error);
    layout->addLayout(check);

    connect(m_inputSize, &QSpinBox::valueChanged, this, [this](int v) { write(kInputSize, v); });
    connect(m_resize, &QComboBox::currentIndexChanged, this, [this] {
        write(kResize, m_resize->currentData().toString());
        updateResizeSizeEnabled();
    });
    connect(m_resizeSize, &QSpinBox::valueChanged, this, [this](int v) { write(kResizeSize, v); });
    // Number lists go over as typed; the Run panel parses them as it parses
    // its own editor's text, and core names the key when they do not parse.
    connect(m_mean, &QLineEdit::textChanged, this, [this](const QString& t) { write(kMean, t); });
    connect(m_std, &QLineEdit::textChanged, this, [this](const QString& t) { write(kStd, t); });
    connect(m_classNames, &QLineEdit::textChanged, this, [this](const QString& t) { write(kClassNames, t); });
    connect(m_check, &QPushButton::clicked, this, &PreprocessingEditor::checkRequested);
    updatePlaceholders();
}

void PreprocessingEditor::setRunPanel(RunPanel* panel)
{
    m_panel = panel;
    if (m_panel)
        connect(m_panel, &RunPanel::settingsChanged, this, &PreprocessingEditor::syncFromPanel);
    syncFromPanel();
}

void PreprocessingEditor::write(const char* key, const QJsonValue& value)
{
    if (m_syncing || !m_panel)
        return;
    m_writing = true;
    m_panel->setParameter(QLatin1String(key), value);
    m_writing = false;
}

void PreprocessingEditor::syncFromPanel()
{
    // Our own edit coming back: the editor already shows it as typed.
    if (m_writing || !m_panel)
        return;
    m_syncing = true;
    auto value = [this](const char* key) { return m_panel->parameter(QLatin1String(key)); };
    m_inputSize->setValue(value(kInputSize).toInt(-1));
    const int resize = m_resize->findData(value(kResize).toString());
    m_resize->setCurrentIndex(qMax(0, resize));
    m_resizeSize->setValue(value(kResizeSize).toInt(0));
    auto setText = [](QLineEdit* edit, const QString& text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    // The same list typed otherwise ("0.5,0.4") stays as typed.
    for (auto [edit, key] : {std::pair{m_mean, kMean}, std::pair{m_std, kStd}}) {
        const QString text = valueText(value(key));
        if (normalizedList(edit->text()) != text)
            setText(edit, text);
    }
    setText(m_classNames, value(kClassNames).toString());
    m_syncing = false;
    updateResizeSizeEnabled();
}

QString PreprocessingEditor::listText(const std::vector<double>& values)
{
    QStringList items;
    for (double v : values)
        items << numberText(v);
    return items.join(QStringLiteral(", "));
}

void PreprocessingEditor::setSummary(const api::ModelSummary& summary)
{
    m_summary = summary;
    m_hasSummary = true;
    updatePlaceholders();
    const QString source = fromUtf8(summary.preprocessingSource);
    m_source->setText(tr("In use: %1").arg(fromUtf8(summary.preprocessingText)));
    m_source->setToolTip(tr("Where the values come from: %1").arg(source));
    if (summary.preprocessingAssumed) {
        const QString file = QFileInfo(fromUtf8(summary.path)).fileName();
        m_assumed->setText(
            tr("⚠ %1 does not say how its inputs were normalised: the mean and std in use are the defaults of %2, "
               "a guess. If the model was trained with others, enter them here (or put a %3 beside the model): "
               "every accuracy and every synthetic image depends on them.")
                .arg(file, fromUtf8(summary.arch), file + QStringLiteral(".json")));
    }
    m_assumed->setVisible(summary.preprocessingAssumed);
    updateResizeSizeEnabled();
}

void PreprocessingEditor::updatePlaceholders()
{
    const api::ModelSummary& s = m_summary;
    const QString none = tr("none");
    if (!m_hasSummary) {
        m_inputSize->setSpecialValueText(tr("Model's"));
        m_resizeSize->setSpecialValueText(tr("Model's"));
        m_resize->setItemText(0, tr("Model's"));
        return;
    }
    m_inputSize->setSpecialValueText(s.inputSize > 0 ? tr("Model's: %1 px").arg(s.inputSize)
                                                     : tr("Model's: the data's size"));
    m_resizeSize->setSpecialValueText(s.resizeSize > 0 ? tr("Model's: %1 px").arg(s.resizeSize) : tr("Model's"));
    m_resize->setItemText(0, tr("Model's: %1").arg(s.resize.empty() ? none : fromUtf8(s.resize)));
    m_mean->setPlaceholderText(s.mean.empty() ? none : listText(s.mean));
    m_std->setPlaceholderText(s.stdev.empty() ? none : listText(s.stdev));
    QStringList names;
    for (const std::string& name : s.classNames) {
        if (names.size() == 10) {
            names << QStringLiteral("…");
            break;
        }
        names << fromUtf8(name);
    }
    m_classNames->setPlaceholderText(names.isEmpty() ? tr("none: class numbers") : names.join(QStringLiteral(", ")));
}

void PreprocessingEditor::updateResizeSizeEnabled()
{
    const QString chosen = m_resize->currentData().toString();
    const QString resize = chosen == QLatin1String("model") ? fromUtf8(m_summary.resize) : chosen;
    // A set value stays editable so that it can be taken back.
    m_resizeSize->setEnabled(resize == QLatin1String("resize_crop") || m_resizeSize->value() != 0);
}

void PreprocessingEditor::setError(const QString& message)
{
    m_error->setText(message.isEmpty() ? QString() : tr("These settings do not fit the model: %1").arg(message));
    m_error->setVisible(!message.isEmpty());
}

QString PreprocessingEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PreprocessingEditor::showChecking()
{
    m_check->setEnabled(false);
    m_checkResult->setStyleSheet(QString());
    m_checkResult->setText(tr("Checking…"));
}

void PreprocessingEditor::showCheck(const api::PreprocessingCheck& check, const QString& dataset)
{
    m_check->setEnabled(true);
    const QString top1 = QLocale().toString(check.top1, 'f', 2);
    if (check.nearChance) {
        const double chance = m_summary.numClasses > 0 ? 100.0 / static_cast<double>(m_summary.numClasses) : 0;
        m_checkResult->setStyleSheet(QLatin1String(kWarningStyle));
        m_checkResult->setText(tr("⚠ Full-precision top-1 on the first %1 images of %2: %3 %, near chance (%4 %). "
                                  "The preprocessing is almost certainly not the one the model was trained with.")
                                   .arg(check.samples)
                                   .arg(dataset, top1, QLocale().toString(chance, 'f', 2)));
    } else {
        m_checkResult->setStyleSheet(QString());
        m_checkResult->setText(
            tr("Full-precision top-1 on the first %1 images of %2: %3 %.").arg(check.samples).arg(dataset, top1));
    }
    m_checkResult->setToolTip(check.warning.empty() ? fromUtf8(check.preprocessingText) : fromUtf8(check.warning));
}

void PreprocessingEditor::showCheckMessage(const QString& text)
{
    m_check->setEnabled(true);
    m_checkResult->setStyleSheet(QString());
    m_checkResult->setText(text);
    m_checkResult->setToolTip(QString());
}

void PreprocessingEditor::clearCheck()
{
    showCheckMessage(QString());
}

QString PreprocessingEditor::checkText() const
{
    return m_checkResult->text();
}

QString PreprocessingEditor::sourceText() const
{
    return m_source->text();
}

bool PreprocessingEditor::isAssumedNoteShown() const
{
    return !m_assumed->isHidden();
}

QString PreprocessingEditor::assumedNoteText() const
{
    return m_assumed->text();
}

} // namespace zsq::ui

#include "run_panel.h"

#include <algorithm>
#include <exception>

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QPalette>
#include <QColor>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include "api/quantization_run.h"
#include "param_form.h"
#include "param_help.h"

namespace zsq::ui {

namespace {
const char* const kMainKeys[] = {"model",   "method",     "wbits",   "abits", "profile",
                                 "seed",    "device",     "dataset", "output", "dist.nproc"};
const QLatin1String kProcessesKey("dist.nproc");

QJsonArray loadSchema()
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(api::runConfigSchemaJson())).array();
}

// The choices core's schema gives for `key`: the methods and profiles are
// core's, the panel only labels them (a profile core added, "classroom", was
// missing here and a demo asking for it silently ran "quick").
QStringList schemaChoices(const QString& key)
{
    for (const QJsonValue& v : loadSchema()) {
        const QJsonObject entry = v.toObject();
        if (entry.value(QStringLiteral("key")).toString() != key)
            continue;
        QStringList choices;
        for (const QJsonValue& c : entry.value(QStringLiteral("choices")).toArray())
            choices << c.toString();
        return choices;
    }
    return {};
}

// Sets "a.b.c" in a nested object.
void setDotted(QJsonObject& object, const QStringList& path, const QJsonValue& value)
{
    if (path.size() == 1) {
        object.insert(path.front(), value);
        return;
    }
    QJsonObject child = object.value(path.front()).toObject();
    setDotted(child, path.mid(1), value);
    object.insert(path.front(), child);
}

QToolButton* actionButton(QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return button;
}
} // namespace

QString RunPanel::methodExplanation(const QString& method)
{
    if (method == QLatin1String("lrq"))
        return tr("LRQ: a long-range generator (large-kernel attention), Adversarial Margin Add and decoupled "
                  "distillation.");
    if (method == QLatin1String("clusterq"))
        return tr("ClusterQ: aligns synthetic features with per-class clusters of BatchNorm statistics, "
                  "with EMA centroids and a diversity term.");
    if (method == QLatin1String("gdfq"))
        return tr("GDFQ: a class-conditional generator matched to the BatchNorm statistics; the common "
                  "baseline.");
    if (method == QLatin1String("ptq"))
        return tr("ZeroQ-style PTQ: distils one batch from the BatchNorm statistics and calibrates; no "
                  "fine-tuning (the floor).");
    if (method == QLatin1String("genie"))
        return tr("GENIE: distils images with a small generator and learnable latents per batch (BatchNorm "
                  "statistics, swing convolution), then refines block by block (BRECQ); no fine-tuning.");
    if (method == QLatin1String("realdata"))
        return tr("Real data: the same fine-tuning on the real training set. The ceiling, not zero-shot.");
    return {};
}

bool RunPanel::showsSettingsGroup(const QString& group) const
{
    return m_advanced->isGroupVisible(group);
}

QString RunPanel::defaultRunsDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return QDir(base).filePath(QStringLiteral("zsq-runs"));
}

RunPanel::RunPanel(QWidget* parent) : QWidget(parent)
{
    m_settings = new QWidget(this);
    auto* form = new QFormLayout(m_settings);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_method = new QComboBox(m_settings);
    const QHash<QString, QString> methodLabels{{QStringLiteral("lrq"), tr("LRQ")},
                                               {QStringLiteral("clusterq"), tr("ClusterQ")},
                                               {QStringLiteral("gdfq"), tr("GDFQ")},
                                               {QStringLiteral("ptq"), tr("PTQ (ZeroQ)")},
                                               {QStringLiteral("genie"), tr("GENIE")},
                                               {QStringLiteral("realdata"), tr("Real-data ceiling")}};
    // Core's order puts PTQ first; the panel leads with the papers' methods.
    QStringList methods = schemaChoices(QStringLiteral("method"));
    std::stable_sort(methods.begin(), methods.end(), [](const QString& a, const QString& b) {
        const QStringList order{QStringLiteral("lrq"), QStringLiteral("clusterq"), QStringLiteral("gdfq")};
        const auto rank = [&](const QString& m) { return order.contains(m) ? order.indexOf(m) : order.size(); };
        return rank(a) < rank(b);
    });
    for (const QString& m : methods)
        m_method->addItem(methodLabels.value(m, m), m);
    for (int i = 0; i < m_method->count(); ++i)
        m_method->setItemData(i, methodExplanation(m_method->itemData(i).toString()), Qt::ToolTipRole);
    m_methodHelp = new QLabel(m_settings);
    m_methodHelp->setWordWrap(true);
    m_methodHelp->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(tr("&Method:"), m_method);
    form->addRow(QString(), m_methodHelp);

    m_wbits = new QSpinBox(m_settings);
    m_abits = new QSpinBox(m_settings);
    for (QSpinBox* bits : {m_wbits, m_abits}) {
        bits->setRange(2, 8);
        bits->setValue(4);
    }
    m_wbits->setToolTip(tr("Weight bit width"));
    m_abits->setToolTip(tr("Activation bit width"));
    auto* bitsRow = new QHBoxLayout;
    bitsRow->addWidget(new QLabel(tr("W"), m_settings));
    bitsRow->addWidget(m_wbits);
    bitsRow->addWidget(new QLabel(tr("A"), m_settings));
    bitsRow->addWidget(m_abits);
    bitsRow->addStretch(1);
    auto* bitsLabel = new QLabel(tr("&Bits:"), m_settings);
    bitsLabel->setBuddy(m_wbits);
    form->addRow(bitsLabel, bitsRow);

    m_profile = new QComboBox(m_settings);
    const QHash<QString, QString> profileLabels{
        {QStringLiteral("quick"), tr("Quick (minutes on a laptop CPU)")},
        {QStringLiteral("classroom"), tr("Classroom (half a minute, frequent images)")},
        {QStringLiteral("paper"), tr("Paper (the published schedules)")},
        {QStringLiteral("custom"), tr("Custom (advanced values only)")}};
    for (const QString& p : schemaChoices(QStringLiteral("profile")))
        m_profile->addItem(profileLabels.value(p, p), p);
    m_profile->setToolTip(tr("The profile fills the training schedule; values you change under Advanced win"));
    form->addRow(tr("&Profile:"), m_profile);

    m_seed = new QSpinBox(m_settings);
    m_seed->setRange(0, 2147483647);
    m_seed->setToolTip(tr("Random seed: CPU runs with the same seed repeat exactly"));
    form->addRow(tr("S&eed:"), m_seed);

    m_device = new QComboBox(m_settings);
    m_device->setEditable(true);
    m_device->addItems({QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")});
    m_device->setToolTip(tr("auto, cpu, cuda or cuda:N"));
    form->addRow(tr("&Device:"), m_device);

    // dist.nproc, beside the device it shares out (its Advanced entry is
    // this one). The range is the schema's.
    m_processes = new QSpinBox(m_settings);
    m_processes->setRange(1, 256);
    for (const QJsonValue& v : loadSchema()) {
        const QJsonObject entry = v.toObject();
        if (entry.value(QStringLiteral("key")).toString() != kProcessesKey)
            continue;
        m_processes->setRange(entry.value(QStringLiteral("min")).toInt(1), entry.value(QStringLiteral("max")).toInt(256));
        m_processes->setToolTip(translatedParamHelp(entry.value(QStringLiteral("help")).toString()));
    }
    m_processes->setValue(1);
    m_processesInfo = new QLabel(m_settings);
    m_processesInfo->setWordWrap(true);
    m_processesInfo->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(tr("P&rocesses:"), m_processes);
    form->addRow(QString(), m_processesInfo);

    m_dataset = new QComboBox(m_settings);
    m_dataset->setEditable(true);
    m_dataset->addItems({QStringLiteral("fashion-mnist"), QStringLiteral("mnist"), QStringLiteral("cifar10"),
                         QStringLiteral("cifar100"), QStringLiteral("none")});
    m_dataset->setToolTip(tr("Evaluation dataset: a name, a folder, or none (quantize without any data)"));
    m_dataset->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto* browseData = new QToolButton(m_settings);
    browseData->setText(tr("…"));
    browseData->setToolTip(tr("Choose a dataset folder"));
    connect(browseData, &QToolButton::clicked, this, &RunPanel::browseDataset);
    auto* dataRow = new QHBoxLayout;
    dataRow->addWidget(m_dataset, 1);
    dataRow->addWidget(browseData);
    auto* dataLabel = new QLabel(tr("D&ataset:"), m_settings);
    dataLabel->setBuddy(m_dataset);
    form->addRow(dataLabel, dataRow);
    m_datasetInfo = new QLabel(m_settings);
    m_datasetInfo->setWordWrap(true);
    m_datasetInfo->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_datasetInfo);

    m_output = new QLineEdit(m_settings);
    m_output->setPlaceholderText(tr("new folder in %1").arg(QDir::toNativeSeparators(defaultRunsDir())));
    m_output->setToolTip(tr("Output folder for quantized.zsq, quant_params.json, result.json and run.ckpt"));
    auto* browseOut = new QToolButton(m_settings);
    browseOut->setText(tr("…"));
    browseOut->setToolTip(tr("Choose the output folder"));
    connect(browseOut, &QToolButton::clicked, this, &RunPanel::browseOutput);
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_output, 1);
    outRow->addWidget(browseOut);
    auto* outLabel = new QLabel(tr("&Output:"), m_settings);
    outLabel->setBuddy(m_output);
    form->addRow(outLabel, outRow);

    QSet<QString> skip;
    for (const char* key : kMainKeys)
        skip.insert(QLatin1String(key));
    m_advanced = new ParamForm(loadSchema(), skip, this);
    m_advanced->setVisible(false);
    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setText(tr("Ad&vanced hyperparameters"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_advanced->setVisible(open);
    });

    // Combo boxes as wide as their longest entry ("Classroom (half a minute,
    // frequent images…)") made the settings wider than the dock at 1024x768:
    // the method explanation and every field were cut at the right. They
    // take the dock's width instead; the open list shows the whole entries.
    for (QComboBox* combo : {m_method, m_profile, m_device, m_dataset}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }

    // Settings and the advanced form scroll; the buttons stay in view.
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_settings);
    contentLayout->addWidget(m_advancedToggle);
    contentLayout->addWidget(m_advanced);
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_start = actionButton(this);
    m_pause = actionButton(this);
    m_stop = actionButton(this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_stop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    // One signal for every editor, for the session's autosave.
    for (QComboBox* combo : {m_method, m_profile})
        connect(combo, &QComboBox::currentIndexChanged, this, &RunPanel::settingsChanged);
    for (QComboBox* combo : {m_device, m_dataset})
        connect(combo, &QComboBox::currentTextChanged, this, &RunPanel::settingsChanged);
    for (QSpinBox* spin : {m_wbits, m_abits, m_seed, m_processes})
        connect(spin, &QSpinBox::valueChanged, this, &RunPanel::settingsChanged);
    connect(m_processes, &QSpinBox::valueChanged, this, &RunPanel::updateProcesses);
    connect(m_method, &QComboBox::currentIndexChanged, this, &RunPanel::updateProcesses);
    connect(m_device, &QComboBox::currentTextChanged, this, &RunPanel::updateProcesses);
    connect(m_advanced, &ParamForm::edited, this, &RunPanel::updateProcesses);
    connect(m_output, &QLineEdit::textChanged, this, &RunPanel::settingsChanged);
    connect(m_advanced, &ParamForm::edited, this, &RunPanel::settingsChanged);
    connect(m_method, &QComboBox::currentIndexChanged, this, &RunPanel::updateMethod);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &RunPanel::updateBaseline);
    connect(m_dataset, &QComboBox::currentTextChanged, this, &RunPanel::updateDataset);
    updateMethod();
    updateDataset();
    updateBaseline();
    updateProcesses();
}

void RunPanel::setActions(QAction* start, QAction* pause, QAction* stop)
{
    m_start->setDefaultAction(start);
    m_pause->setDefaultAction(pause);
    m_stop->setDefaultAction(stop);
}

void RunPanel::setModel(const QString& path, qint64 inputSize)
{
    m_modelPath = path;
    if (inputSize > 0 && inputSize != m_inputSize) {
        m_inputSize = inputSize;
        updateBaseline();
    }
}

void RunPanel::setRunning(bool running)
{
    m_settings->setEnabled(!running);
    m_advanced->setEnabled(!running);
}

QString RunPanel::method() const
{
    return m_method->currentData().toString();
}

QString RunPanel::datasetName() const
{
    return m_dataset->currentText().trimmed();
}

void RunPanel::updateMethod()
{
    const QString m = method();
    m_methodHelp->setText(methodExplanation(m));
    // ptq and genie distil their images: no generator is trained.
    const bool generative = m != QLatin1String("ptq") && m != QLatin1String("genie");
    m_advanced->setGroupVisible(QStringLiteral("train"), generative);
    m_advanced->setGroupVisible(QStringLiteral("export"), generative);
    m_advanced->setGroupVisible(QStringLiteral("ptq"), m == QLatin1String("ptq"));
    m_advanced->setGroupVisible(QStringLiteral("genie"), m == QLatin1String("genie"));
    m_advanced->setGroupVisible(QStringLiteral("gdfq"), generative);
    m_advanced->setGroupVisible(QStringLiteral("clusterq"), m == QLatin1String("clusterq"));
    m_advanced->setGroupVisible(QStringLiteral("lrq"), m == QLatin1String("lrq"));
}

void RunPanel::updateProcesses()
{
    const int n = m_processes->value();
    if (n <= 1) {
        m_processesInfo->setText(tr("One process: the run goes on inside ZSQ Studio."));
        return;
    }
    // As core shares the cores out (engine/quantization_job.cpp): "threads"
    // per process when set, else the cores divided by the processes.
    const int threads = m_advanced->value(QStringLiteral("threads")).toInt();
    const int perProcess = threads > 0 ? threads : qMax(1, QThread::idealThreadCount() / n);
    QString text = tr("%1 processes of zsq, %2 threads each; every batch is split between them. The progress "
                      "shown is rank 0's, over the whole batch. Pause is not available.")
                       .arg(n)
                       .arg(perProcess);
    // engine/quantization_job.cpp: the other ranks exit after the rendezvous.
    const QString m = method();
    if (m == QLatin1String("ptq") || m == QLatin1String("genie"))
        text += QLatin1Char(' ') + tr("%1 distils on rank 0 alone: more processes do not make it faster.")
                                       .arg(m_method->currentText());
    if (m_device->currentText().trimmed().startsWith(QLatin1String("cuda")))
        text += QLatin1Char(' ') + tr("On CUDA, process r uses GPU r.");
    m_processesInfo->setText(text);
}

void RunPanel::updateDataset()
{
    const QString name = datasetName();
    m_datasetProblem.clear();
    m_datasetInfo->setForegroundRole(QPalette::PlaceholderText);
    if (name == QLatin1String("none")) {
        m_datasetInfo->setText(tr("No data at all: the accuracy is not measured."));
        return;
    }
    // A dataset that is not there is a problem Start must not ignore (it
    // was a grey note beside an enabled Start).
    auto problem = [this](const QString& text) {
        m_datasetProblem = text;
        m_datasetInfo->setText(text);
        m_datasetInfo->setForegroundRole(QPalette::BrightText);
        QPalette p = m_datasetInfo->palette();
        p.setColor(QPalette::BrightText, QColor(200, 40, 40));
        m_datasetInfo->setPalette(p);
    };
    const bool named = name == QLatin1String("fashion-mnist") || name == QLatin1String("mnist") ||
                       name == QLatin1String("cifar10") || name == QLatin1String("cifar100");
    if (!named) {
        if (QDir(name).exists())
            m_datasetInfo->setText(tr("Folder of IDX files, CIFAR batches or class sub-folders."));
        else
            problem(tr("Folder not found."));
        return;
    }
    const QString dir = QString::fromStdString(api::findNamedDataset(name.toStdString()));
    if (dir.isEmpty())
        problem(tr("Not installed (for Fashion-MNIST: apt install dataset-fashion-mnist)."));
    else
        // A zero-width space after each separator lets the path wrap: unbroken,
        // it set the panel's minimum width beyond the dock's.
        m_datasetInfo->setText(tr("Found in %1")
                                   .arg(QDir::toNativeSeparators(dir).replace(QDir::separator(),
                                                                             QString(QDir::separator()) + QChar(0x200B))));
}

void RunPanel::updateBaseline()
{
    try {
        const QString defaults = QString::fromStdString(
            api::profileDefaultsJson(m_profile->currentData().toString().toStdString(), m_inputSize));
        m_advanced->setBaseline(QJsonDocument::fromJson(defaults.toUtf8()).object());
    } catch (const std::exception&) {
        // The schema's own defaults stay; a bad value is reported at Start.
    }
}

void RunPanel::browseDataset()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Dataset Folder"), QDir::homePath());
    if (!dir.isEmpty())
        m_dataset->setCurrentText(dir);
}

void RunPanel::browseOutput()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Output Folder"), defaultRunsDir());
    if (!dir.isEmpty())
        m_output->setText(dir);
}

QString RunPanel::configJson() const
{
    QJsonObject cfg;
    const QHash<QString, QJsonValue> changed = m_advanced->changedValues();
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        setDotted(cfg, it.key().split(QLatin1Char('.')), it.value());
    QString output = m_output->text().trimmed();
    if (output.isEmpty())
        output = QDir(defaultRunsDir())
                     .filePath(QStringLiteral("%1-w%2a%3-%4")
                                   .arg(method())
                                   .arg(m_wbits->value())
                                   .arg(m_abits->value())
                                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    cfg.insert(QStringLiteral("model"), m_modelPath.isEmpty() ? QStringLiteral("demo") : m_modelPath);
    cfg.insert(QStringLiteral("method"), method());
    cfg.insert(QStringLiteral("wbits"), m_wbits->value());
    cfg.insert(QStringLiteral("abits"), m_abits->value());
    cfg.insert(QStringLiteral("profile"), m_profile->currentData().toString());
    cfg.insert(QStringLiteral("seed"), m_seed->value());
    cfg.insert(QStringLiteral("device"), m_device->currentText().trimmed());
    cfg.insert(QStringLiteral("dataset"), datasetName());
    cfg.insert(QStringLiteral("output"), output);
    // One process is the default and leaves the key out, as before.
    if (m_processes->value() > 1)
        setDotted(cfg, QString(kProcessesKey).split(QLatin1Char('.')), m_processes->value());
    return QString::fromUtf8(QJsonDocument(cfg).toJson(QJsonDocument::Compact));
}

QJsonObject RunPanel::sessionConfig() const
{
    QJsonObject cfg = QJsonDocument::fromJson(configJson().toUtf8()).object();
    cfg.remove(QStringLiteral("model"));
    cfg.insert(QStringLiteral("output"), m_output->text().trimmed());
    return cfg;
}

void RunPanel::applySessionConfig(const QJsonObject& config)
{
    // The profile first: it moves the advanced baseline the other keys are
    // compared with.
    if (config.contains(QStringLiteral("profile")))
        setParameter(QStringLiteral("profile"), config.value(QStringLiteral("profile")));
    m_advanced->resetToBaseline();
    m_output->clear();
    m_processes->setValue(1);
    applyNested(config, QString());
}

void RunPanel::applyNested(const QJsonObject& object, const QString& prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (key == QLatin1String("model") || key == QLatin1String("profile"))
            continue;
        // Object-valued keys (layer_bits) are one editor, not a group.
        if (it.value().isObject() && !m_advanced->hasKey(key))
            applyNested(it.value().toObject(), key);
        else
            setParameter(key, it.value());
    }
}

QStringList RunPanel::givenKeys() const
{
    // Everything in configJson() is given; api::runQuantization derives the
    // keys from the JSON itself, so nothing extra is needed.
    return {};
}

bool RunPanel::setParameter(const QString& key, const QJsonValue& value)
{
    if (key == QLatin1String("method")) {
        const int i = m_method->findData(value.toString());
        if (i >= 0)
            m_method->setCurrentIndex(i);
        return i >= 0;
    }
    if (key == QLatin1String("profile")) {
        const int i = m_profile->findData(value.toString());
        if (i >= 0)
            m_profile->setCurrentIndex(i);
        return i >= 0;
    }
    if (key == QLatin1String("wbits"))
        m_wbits->setValue(value.toInt());
    else if (key == QLatin1String("abits"))
        m_abits->setValue(value.toInt());
    else if (key == QLatin1String("seed"))
        m_seed->setValue(value.toInt());
    else if (key == QLatin1String("device"))
        m_device->setCurrentText(value.toString());
    else if (key == QLatin1String("dataset"))
        m_dataset->setCurrentText(value.toString());
    else if (key == QLatin1String("output"))
        m_output->setText(value.toString());
    else if (key == kProcessesKey)
        m_processes->setValue(value.toInt(1));
    else if (key == QLatin1String("model"))
        m_modelPath = value.toString();
    else
        return m_advanced->setValue(key, value);
    return true;
}

QJsonValue RunPanel::parameter(const QString& key) const
{
    if (key == kProcessesKey)
        return m_processes->value();
    const QJsonObject cfg = QJsonDocument::fromJson(configJson().toUtf8()).object();
    if (cfg.contains(key))
        return cfg.value(key);
    return m_advanced->value(key);
}

} // namespace zsq::ui

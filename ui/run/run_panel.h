#pragma once
// The run settings: method (with a one-line explanation), bit widths,
// profile, seed, device, processes (a data-parallel run in N local
// processes of the zsq CLI), dataset (named datasets are looked up where core
// looks for them) and output folder, plus the advanced hyperparameters in a
// collapsible ParamForm generated from the run-config schema. The Start /
// Pause / Stop buttons show the main window's actions.
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace zsq::ui {

class ParamForm;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(QWidget* parent = nullptr);

    void setActions(QAction* start, QAction* pause, QAction* stop);
    // The model to quantize; its input size picks the profile's defaults.
    void setModel(const QString& path, qint64 inputSize);
    // Locks the settings while a run is going.
    void setRunning(bool running);

    // The run config for api::runQuantization: the keys set here (a partial
    // config) and every key of the main form, which the profile must not
    // override. An empty output folder becomes a new one under defaultRunsDir().
    QString configJson() const;
    QStringList givenKeys() const;
    QString datasetName() const;
    QString method() const;

    // Sets any config key by its dotted name, main form or advanced.
    bool setParameter(const QString& key, const QJsonValue& value);
    QJsonValue parameter(const QString& key) const;

    // The settings as a session keeps them: configJson() without the model
    // and with the output folder as typed (empty = a new folder per run).
    QJsonObject sessionConfig() const;
    // Back to the profile's defaults, then the keys of `config` (a session's).
    void applySessionConfig(const QJsonObject& config);

    static QString defaultRunsDir();
    static QString methodExplanation(const QString& method);
    // Whether the advanced form shows the group of keys `group` ("ptq", "train", ...).
    bool showsSettingsGroup(const QString& group) const;

    // Why the chosen dataset cannot be used (a folder that does not exist, a
    // named set not installed); empty when it can. Start stays disabled.
    QString datasetProblem() const { return m_datasetProblem; }

signals:
    // Any setting changed (for the session's autosave).
    void settingsChanged();

private:
    void updateMethod();
    void updateDataset();
    void applyNested(const QJsonObject& object, const QString& prefix);
    void updateBaseline();
    void updateProcesses();
    void browseDataset();
    void browseOutput();

    QComboBox* m_method = nullptr;
    QLabel* m_methodHelp = nullptr;
    QSpinBox* m_wbits = nullptr;
    QSpinBox* m_abits = nullptr;
    QComboBox* m_profile = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_device = nullptr;
    QSpinBox* m_processes = nullptr;
    QLabel* m_processesInfo = nullptr;
    QComboBox* m_dataset = nullptr;
    QLabel* m_datasetInfo = nullptr;
    QString m_datasetProblem;
    QLineEdit* m_output = nullptr;
    QToolButton* m_advancedToggle = nullptr;
    ParamForm* m_advanced = nullptr;
    QWidget* m_settings = nullptr;
    QToolButton* m_start = nullptr;
    QToolButton* m_pause = nullptr;
    QToolButton* m_stop = nullptr;
    QString m_modelPath;
    qint64 m_inputSize = 28;
};

} // namespace zsq::ui

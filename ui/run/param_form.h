#pragma once
// The "advanced hyperparameters" form, generated from the run-config schema
// (api::runConfigSchemaJson): one group per key prefix (train, ptq, gdfq,
// ...), one editor per key with the schema's help text as tooltip. Values
// equal to the baseline (the defaults the chosen profile gives) are not
// reported, so that the profile keeps filling the keys the user left alone.
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QWidget>

class QGroupBox;
class QVBoxLayout;

namespace zsq::ui {

class ParamForm : public QWidget {
    Q_OBJECT
public:
    // `schema`: the JSON array of api::runConfigSchemaJson(); keys in `skip`
    // have editors elsewhere.
    ParamForm(const QJsonArray& schema, const QSet<QString>& skip, QWidget* parent = nullptr);

    // Dotted keys to defaults (a nested object, as api::profileDefaultsJson
    // gives). Editors still showing the old baseline move to the new one.
    void setBaseline(const QJsonObject& defaults);
    // The keys whose editors differ from the baseline, as dotted key -> value.
    QHash<QString, QJsonValue> changedValues() const;

    bool hasKey(const QString& key) const { return m_editors.contains(key); }
    QJsonValue value(const QString& key) const;
    bool setValue(const QString& key, const QJsonValue& value);
    // Every editor back to the baseline (a new session).
    void resetToBaseline();
    // Shows or hides a group ("train", "lrq", ...) without forgetting values.
    void setGroupVisible(const QString& group, bool visible);
    // Whether the group is shown (not hidden by setGroupVisible).
    bool isGroupVisible(const QString& group) const;

signals:
    void edited();

private:
    struct Editor {
        QString type;          // bool, int, double, string, choice, bits
        QWidget* widget = nullptr;
    };
    QWidget* createEditor(const QJsonObject& spec);
    QJsonValue read(const Editor& editor) const;
    void write(const Editor& editor, const QJsonValue& value);
    static bool same(const QJsonValue& a, const QJsonValue& b);

    QHash<QString, Editor> m_editors;
    QHash<QString, QJsonValue> m_baseline;
    QHash<QString, QGroupBox*> m_groups;
};

// A nested JSON object's leaves as dotted keys ("train.epochs").
QHash<QString, QJsonValue> flattenJson(const QJsonObject& object, const QString& prefix = {});

} // namespace zsq::ui

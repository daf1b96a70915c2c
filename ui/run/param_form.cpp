#include "param_form.h"

#include <cmath>
#include <limits>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "param_help.h"

namespace zsq::ui {

namespace {
QString groupTitle(const QString& group)
{
    if (group == QLatin1String("train"))
        return ParamForm::tr("Training schedule (generative methods)");
    if (group == QLatin1String("ptq"))
        return ParamForm::tr("ZeroQ PTQ");
    if (group == QLatin1String("gdfq"))
        return ParamForm::tr("GDFQ losses");
    if (group == QLatin1String("clusterq"))
        return ParamForm::tr("ClusterQ");
    if (group == QLatin1String("lrq"))
        return ParamForm::tr("LRQ");
    if (group == QLatin1String("export"))
        return ParamForm::tr("Export");
    if (group == QLatin1String("refine"))
        return ParamForm::tr("Refinement (after the method)");
    if (group == QLatin1String("preprocessing"))
        return ParamForm::tr("Model preprocessing");
    return ParamForm::tr("General");
}

QString numberText(double v)
{
    return QString::number(v, 'g', 8);
}
} // namespace

QHash<QString, QJsonValue> flattenJson(const QJsonObject& object, const QString& prefix)
{
    QHash<QString, QJsonValue> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        // layer_bits / act_bits are objects but single keys of the schema.
        if (it.value().isObject() && !key.endsWith(QLatin1String("_bits")))
            out.insert(flattenJson(it.value().toObject(), key));
        else
            out.insert(key, it.value());
    }
    return out;
}

ParamForm::ParamForm(const QJsonArray& schema, const QSet<QString>& skip, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const QJsonValue& entry : schema) {
        const QJsonObject spec = entry.toObject();
        const QString key = spec.value(QLatin1String("key")).toString();
        if (key.isEmpty() || skip.contains(key))
            continue;
        const qsizetype dot = key.indexOf(QLatin1Char('.'));
        const QString group = dot < 0 ? QString() : key.left(dot);
        QGroupBox*& box = m_groups[group];
        if (!box) {
            box = new QGroupBox(groupTitle(group), this);
            auto* form = new QFormLayout(box);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            layout->addWidget(box);
        }
        QWidget* editor = createEditor(spec);
        // The help text comes from core's schema in English; the table in
        // param_help.cpp carries its translations.
        QString tip = translatedParamHelp(spec.value(QLatin1String("help")).toString());
        const QString type = spec.value(QLatin1String("type")).toString();
        if (type == QLatin1String("int") || type == QLatin1String("double"))
            tip += QLatin1Char('\n') + tr("Range: %1 to %2").arg(numberText(spec.value(QLatin1String("min")).toDouble()),
                                                                  numberText(spec.value(QLatin1String("max")).toDouble()));
        tip += QLatin1Char('\n') + tr("Config key: %1").arg(key);
        editor->setToolTip(tip);
        editor->setObjectName(key);
        const QString label = dot < 0 ? key : key.mid(dot + 1);
        static_cast<QFormLayout*>(box->layout())->addRow(label + QLatin1Char(':'), editor);
        m_editors.insert(key, {type, editor});
        write(m_editors[key], spec.value(QLatin1String("default")));
        m_baseline.insert(key, spec.value(QLatin1String("default")));
    }
    layout->addStretch(1);
}

QWidget* ParamForm::createEditor(const QJsonObject& spec)
{
    const QString type = spec.value(QLatin1String("type")).toString();
    const double lo = spec.value(QLatin1String("min")).toDouble();
    const double hi = spec.value(QLatin1String("max")).toDouble();
    if (type == QLatin1String("bool")) {
        auto* box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this, &ParamForm::edited);
        return box;
    }
    if (type == QLatin1String("int")) {
        auto* spin = new QSpinBox(this);
        const double maxInt = std::numeric_limits<int>::max();
        spin->setRange(static_cast<int>(std::max(lo, -maxInt)), static_cast<int>(std::min(hi, maxInt)));
        connect(spin, &QSpinBox::valueChanged, this, &ParamForm::edited);
        return spin;
    }
    if (type == QLatin1String("choice")) {
        auto* combo = new QComboBox(this);
        for (const QJsonValue& c : spec.value(QLatin1String("choices")).toArray())
            combo->addItem(c.toString(), c.toString());
        connect(combo, &QComboBox::currentIndexChanged, this, &ParamForm::edited);
        return combo;
    }
    auto* edit = new QLineEdit(this);
    if (type == QLatin1String("double")) {
        // C locale: "1e-4" reads the same in every language.
        auto* validator = new QDoubleValidator(lo, hi, 12, edit);
        validator->setNotation(QDoubleValidator::ScientificNotation);
        validator->setLocale(QLocale::c());
        edit->setValidator(validator);
    }
    connect(edit, &QLineEdit::textEdited, this, &ParamForm::edited);
    return edit;
}

QJsonValue ParamForm::read(const Editor& e) const
{
    if (e.type == QLatin1String("bool"))
        return static_cast<QCheckBox*>(e.widget)->isChecked();
    if (e.type == QLatin1String("int"))
        return static_cast<QSpinBox*>(e.widget)->value();
    if (e.type == QLatin1String("choice"))
        return static_cast<QComboBox*>(e.widget)->currentData().toString();
    const QString text = static_cast<QLineEdit*>(e.widget)->text().trimmed();
    if (e.type == QLatin1String("double")) {
        bool ok = false;
        const double v = QLocale::c().toDouble(text, &ok);
        return ok ? QJsonValue(v) : QJsonValue(text);   // invalid text: core names the key
    }
    if (e.type == QLatin1String("numbers")) {
        // "0.485, 0.456, 0.406" -> [0.485, 0.456, 0.406]; text that is not a
        // list goes to core as it is, which names the key.
        QJsonArray list;
        for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double v = QLocale::c().toDouble(item.trimmed(), &ok);
            if (!ok)
                return text;
            list.append(v);
        }
        return list;
    }
    if (e.type == QLatin1String("bits")) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.isEmpty() ? QByteArrayLiteral("{}") : text.toUtf8());
        return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(text);
    }
    return text;
}

void ParamForm::write(const Editor& e, const QJsonValue& value)
{
    const QSignalBlocker block(e.widget);
    if (e.type == QLatin1String("bool"))
        static_cast<QCheckBox*>(e.widget)->setChecked(value.toBool());
    else if (e.type == QLatin1String("int"))
        static_cast<QSpinBox*>(e.widget)->setValue(value.toInt());
    else if (e.type == QLatin1String("choice")) {
        auto* combo = static_cast<QComboBox*>(e.widget);
        combo->setCurrentIndex(qMax(0, combo->findData(value.toString())));
    } else if (e.type == QLatin1String("double"))
        static_cast<QLineEdit*>(e.widget)->setText(value.isDouble() ? numberText(value.toDouble()) : value.toString());
    else if (e.type == QLatin1String("numbers")) {
        QStringList items;
        for (const QJsonValue& v : value.toArray())
            items << numberText(v.toDouble());
        static_cast<QLineEdit*>(e.widget)->setText(value.isArray() ? items.join(QStringLiteral(", ")) : value.toString());
    } else if (e.type == QLatin1String("bits"))
        static_cast<QLineEdit*>(e.widget)->setText(
            QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)));
    else
        static_cast<QLineEdit*>(e.widget)->setText(value.toString());
}

bool ParamForm::same(const QJsonValue& a, const QJsonValue& b)
{
    if (a.isDouble() && b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        return x == y || std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y));
    }
    return a == b;
}

void ParamForm::setBaseline(const QJsonObject& defaults)
{
    const QHash<QString, QJsonValue> flat = flattenJson(defaults);
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        if (!flat.contains(it.key()))
            continue;
        const QJsonValue next = flat.value(it.key());
        if (same(read(it.value()), m_baseline.value(it.key())))
            write(it.value(), next);
        m_baseline.insert(it.key(), next);
    }
}

void ParamForm::resetToBaseline()
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        if (m_baseline.contains(it.key()))
            write(it.value(), m_baseline.value(it.key()));
    emit edited();
}

QHash<QString, QJsonValue> ParamForm::changedValues() const
{
    QHash<QString, QJsonValue> out;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const QJsonValue v = read(it.value());
        if (!same(v, m_baseline.value(it.key())))
            out.insert(it.key(), v);
    }
    return out;
}

QJsonValue ParamForm::value(const QString& key) const
{
    return m_editors.contains(key) ? read(m_editors[key]) : QJsonValue();
}

bool ParamForm::setValue(const QString& key, const QJsonValue& value)
{
    if (!m_editors.contains(key))
        return false;
    write(m_editors[key], value);
    emit edited();
    return true;
}

void ParamForm::setGroupVisible(const QString& group, bool visible)
{
    if (QGroupBox* box = m_groups.value(group))
        box->setVisible(visible);
}

bool ParamForm::isGroupVisible(const QString& group) const
{
    const QGroupBox* box = m_groups.value(group);
    return box && !box->isHidden();
}

} // namespace zsq::ui

#include "model_header.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/base/text_format.h"

namespace zsq::ui {

ModelHeader::ModelHeader(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_subtitle = new QLabel(this);
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(4);
    addField(QStringLiteral("arch"), tr("Architecture:"), 0, 0);
    addField(QStringLiteral("format"), tr("Format:"), 0, 1);
    addField(QStringLiteral("classes"), tr("Classes:"), 1, 0);
    addField(QStringLiteral("input"), tr("Input shape:"), 1, 1);
    addField(QStringLiteral("parameters"), tr("Parameters:"), 2, 0);
    addField(QStringLiteral("size"), tr("Size:"), 2, 1);
    addField(QStringLiteral("quantizable"), tr("Quantizable layers:"), 3, 0);
    addField(QStringLiteral("activations"), tr("Activation quantizers:"), 3, 1);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(3, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(6);
    layout->addLayout(m_grid);
}

QLabel* ModelHeader::addField(const QString& field, const QString& label, int row, int column)
{
    auto* name = new QLabel(label, this);
    auto* value = new QLabel(this);
    value->setObjectName(field);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    name->setBuddy(value);
    m_grid->addWidget(name, row, column * 2);
    m_grid->addWidget(value, row, column * 2 + 1);
    return value;
}

QString ModelHeader::valueText(const QString& field) const
{
    const auto* label = findChild<QLabel*>(field);
    return label ? label->text() : QString();
}

void ModelHeader::setSummary(const api::ModelSummary& s)
{
    const QFileInfo file(fromUtf8(s.path));
    const QString path = QDir::toNativeSeparators(file.absoluteFilePath());
    m_title->setText(file.fileName());
    const QString description = fromUtf8(s.archDescription);
    m_subtitle->setText(description.isEmpty() ? path : path + QLatin1Char('\n') + description);

    auto set = [this](const char* field, const QString& text) {
        if (auto* label = findChild<QLabel*>(QLatin1String(field)))
            label->setText(text);
    };
    set("arch", fromUtf8(s.arch));
    set("format", formatText(s.format));
    set("classes", countText(s.numClasses));
    set("input", s.inputSize > 0 ? shapeText({s.inChannels, s.inputSize, s.inputSize})
                                 : tr("%1 × the data's size").arg(s.inChannels));
    set("parameters", countText(s.parameters));
    set("size", sizeText(s));
    set("quantizable", countText(s.quantizableLayers));
    set("activations", countText(s.activationQuantizers));
}

QString ModelHeader::formatText(const std::string& format) const
{
    if (format == "ZSQ checkpoint")
        return tr("ZSQ checkpoint");
    return fromUtf8(format);   // "TorchScript", "state_dict": names, not words
}

QString ModelHeader::sizeText(const api::ModelSummary& s) const
{
    const QString floatSize = bitsAsSizeText(s.floatBits);
    if (s.quantizedBits <= 0 || s.quantizedBits == s.floatBits)
        return tr("%1 (32-bit float)").arg(floatSize);
    return tr("%1 quantized, %2 as 32-bit float").arg(bitsAsSizeText(s.quantizedBits), floatSize);
}

} // namespace zsq::ui

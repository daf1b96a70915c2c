#pragma once
// The key facts of a model above its layer tree: file, architecture, format,
// classes, input shape, parameter count and size.
#include <QWidget>

#include "api/model_summary.h"

class QGridLayout;
class QLabel;

namespace zsq::ui {

class ModelHeader : public QWidget {
    Q_OBJECT
public:
    explicit ModelHeader(QWidget* parent = nullptr);

    void setSummary(const zsq::api::ModelSummary& summary);

    // The value shown for a field, for tests and screenshots.
    QString valueText(const QString& field) const;

private:
    QLabel* addField(const QString& field, const QString& label, int row, int column);
    QString formatText(const std::string& format) const;
    QString sizeText(const zsq::api::ModelSummary& summary) const;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QGridLayout* m_grid = nullptr;
};

} // namespace zsq::ui

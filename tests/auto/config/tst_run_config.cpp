// The JSON run config: defaults, validation messages that name the key.
#include <torch/torch.h>

#include "config/run_config.h"
#include "zsq_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

using zsq::test::inputErrorOf;
using nlohmann::json;

class TestRunConfig : public QObject {
    Q_OBJECT

private:
    static std::string errorFor(const json& user)
    {
        auto err = inputErrorOf([&] { zsq::config::resolveRunConfig(user); });
        return err.value_or("");
    }

private slots:
    void defaultsCoverTheSchema()
    {
        const json d = zsq::config::defaultRunConfig();
        QCOMPARE(d["wbits"].get<int>(), 4);
        QCOMPARE(d["method"].get<std::string>(), std::string("lrq"));
        QCOMPARE(d["ptq"]["iterations"].get<int>(), 500);
        QCOMPARE(zsq::config::resolveRunConfig(json::object()), d);
    }

    void userValuesOverrideDefaults()
    {
        const json r = zsq::config::resolveRunConfig(
            json::parse(R"({"wbits": 2, "ptq": {"lr": 0.1}, "layer_bits": {"output": 8}})"));
        QCOMPARE(r["wbits"].get<int>(), 2);
        QCOMPARE(r["abits"].get<int>(), 4);
        QCOMPARE(r["ptq"]["lr"].get<double>(), 0.1);
        QCOMPARE(r["ptq"]["iterations"].get<int>(), 500);
        QCOMPARE(r["layer_bits"]["output"].get<int>(), 8);
    }

    // Profiles fill the schedule; keys the user gave are left alone.
    void profilesFillTheScheduleButNotGivenKeys()
    {
        json quick = zsq::config::resolveRunConfig(json::parse(R"({"train": {"student_lr": 0.002}})"));
        zsq::config::applyProfile(quick, zsq::config::keysGiven(json::parse(R"({"train": {"student_lr": 0.002}})")),
                                  28);
        QCOMPARE(quick["train"]["epochs"].get<int>(), 10);
        QCOMPARE(quick["train"]["iterations"].get<int>(), 50);
        QCOMPARE(quick["train"]["lr_schedule"].get<std::string>(), std::string("cosine"));
        QCOMPARE(quick["train"]["student_lr"].get<double>(), 0.002);

        json paper = zsq::config::resolveRunConfig(json::parse(R"({"profile": "paper"})"));
        zsq::config::applyProfile(paper, {"profile"}, 224);
        QCOMPARE(paper["train"]["epochs"].get<int>(), 400);
        QCOMPARE(paper["train"]["batch_size"].get<int>(), 16);
        QCOMPARE(paper["train"]["warmup_epochs"].get<int>(), 50);
        QCOMPARE(paper["train"]["student_lr"].get<double>(), 1e-6);
        QCOMPARE(paper["train"]["lr_schedule"].get<std::string>(), std::string("step"));
        json cifar = zsq::config::resolveRunConfig(json::parse(R"({"profile": "paper"})"));
        zsq::config::applyProfile(cifar, {"profile"}, 32);
        QCOMPARE(cifar["train"]["batch_size"].get<int>(), 200);
        QCOMPARE(cifar["train"]["student_lr"].get<double>(), 1e-4);
    }

    void unknownKeysAreNamed()
    {
        std::string e = errorFor(json::parse(R"({"wbit": 4})"));
        QVERIFY2(e.find("'wbit'") != std::string::npos && e.find("unknown") != std::string::npos, e.c_str());
        e = errorFor(json::parse(R"({"ptq": {"iters": 4}})"));
        QVERIFY2(e.find("'ptq.iters'") != std::string::npos, e.c_str());
    }

    void outOfRangeAndWrongTypesAreNamed()
    {
        std::string e = errorFor(json::parse(R"({"wbits": 9})"));
        QVERIFY2(e.find("'wbits'") != std::string::npos && e.find("[2, 8]") != std::string::npos, e.c_str());
        e = errorFor(json::parse(R"({"abits": "4"})"));
        QVERIFY2(e.find("'abits'") != std::string::npos && e.find("integer") != std::string::npos, e.c_str());
        e = errorFor(json::parse(R"({"method": "magic"})"));
        QVERIFY2(e.find("'method'") != std::string::npos, e.c_str());
        e = errorFor(json::parse(R"({"ptq": {"lr": 1e9}})"));
        QVERIFY2(e.find("'ptq.lr'") != std::string::npos, e.c_str());
        e = errorFor(json::parse(R"({"layer_bits": {"conv1": 1}})"));
        QVERIFY2(e.find("layer_bits.conv1") != std::string::npos, e.c_str());
        e = errorFor(json::parse(R"({"ptq": 3})"));
        QVERIFY2(e.find("'ptq'") != std::string::npos, e.c_str());
    }

    void commandLineStringsConvertByType()
    {
        json c = zsq::config::defaultRunConfig();
        zsq::config::setFromString(c, "wbits", "3");
        zsq::config::setFromString(c, "ptq.lr", "0.25");
        zsq::config::setFromString(c, "per_channel", "false");
        QCOMPARE(c["wbits"].get<int>(), 3);
        QCOMPARE(c["ptq"]["lr"].get<double>(), 0.25);
        QCOMPARE(c["per_channel"].get<bool>(), false);
        QVERIFY(inputErrorOf([&] { zsq::config::setFromString(c, "wbits", "four"); }).has_value());
        QVERIFY(inputErrorOf([&] { zsq::config::setFromString(c, "wbits", "3x"); }).has_value());
        QVERIFY(inputErrorOf([&] { zsq::config::setFromString(c, "nope", "1"); }).has_value());
    }

    void badFilesAreInputErrors()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("run.json").toStdString();
        std::ofstream(path) << "{\n  \"wbits\": 4,\n  oops\n}";
        auto err = inputErrorOf([&] { zsq::config::loadRunConfigFile(path); });
        QVERIFY(err.has_value());
        QVERIFY2(err->find("line 3") != std::string::npos, err->c_str());
        QVERIFY(inputErrorOf([&] { zsq::config::loadRunConfigFile(dir.filePath("missing.json").toStdString()); })
                    .has_value());
    }
};

QTEST_GUILESS_MAIN(TestRunConfig)
#include "tst_run_config.moc"

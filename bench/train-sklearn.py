"""scikit-learn baselines for bench:train on the app's own split and features.

Reads a JSON job on stdin: csv, target, numeric and categorical feature columns (as the app's
preprocessing kept them), train and test row numbers (0-based data rows). Fits
LogisticRegression (median-imputed, standardised numbers, one-hot categories) and
HistGradientBoostingClassifier on the training rows and prints test accuracy and balanced
accuracy of each as one JSON object. Cells are read as text (empty = missing) so values keep the
app's reading.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

job = json.load(sys.stdin)
frame = pd.read_csv(job["csv"], dtype=str, keep_default_na=False, na_values=[""])
numeric, categorical = job["numeric"], job["categorical"]
for c in numeric:
    frame[c] = pd.to_numeric(frame[c], errors="coerce")
for c in categorical:
    frame[c] = frame[c].fillna("\0missing")
x = frame[numeric + categorical]
y = frame[job["target"]].astype(str)
train, test = np.array(job["train"]), np.array(job["test"])


def scores(model):
    model.fit(x.iloc[train], y.iloc[train])
    predicted = model.predict(x.iloc[test])
    truth = y.iloc[test]
    return {
        "accuracy": accuracy_score(truth, predicted),
        "balancedAccuracy": balanced_accuracy_score(truth, predicted),
    }


linear = ColumnTransformer(
    [
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ]
)
trees = ColumnTransformer(
    [
        ("num", "passthrough", numeric),
        (
            "cat",
            OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
            categorical,
        ),
    ]
)
cat_mask = [False] * len(numeric) + [True] * len(categorical)
out = {
    "logistic": scores(make_pipeline(linear, LogisticRegression(max_iter=2000))),
    "hgb": scores(
        make_pipeline(
            trees,
            HistGradientBoostingClassifier(
                categorical_features=cat_mask if categorical else None, random_state=0
            ),
        )
    ),
}
print(json.dumps(out))

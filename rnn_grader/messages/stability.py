"""Messages of numerical-stability checks: calls run with numpy's warnings turned into errors."""
from rnn_grader.messages import Text

MESSAGES = {
    "stability.raised": Text(
        en="this call runs with numpy's floating-point warnings turned into errors "
           "(`np.errstate(over='raise', divide='raise', invalid='raise')`), and your code stopped "
           "with {error}: without that setting numpy would have printed a RuntimeWarning here.",
        ja="この呼び出しは numpy の浮動小数点の警告をエラーに変えて実行しています"
           "（`np.errstate(over='raise', divide='raise', invalid='raise')`）。あなたのコードは {error} で"
           "止まりました。この設定がなければ、ここで RuntimeWarning が表示されていたはずです。"),
}

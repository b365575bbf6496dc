from rnn_grader.cli import main

main()

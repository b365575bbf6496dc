from rnn_grader.launch import main

main()

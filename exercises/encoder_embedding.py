"""Exercise: the encoder of seq2seq and word embeddings (エンコーダと単語埋め込み).

A sentence is a sequence of words, each a one-hot vector w of length V (the vocabulary
size).  The embedding matrix E (De, V) turns a word into a dense vector: e = E w, which
is simply the column of E at the word's id.  The encoder RNN reads the words one by one:

    h = 0                                 (Dh,)
    for each word w:
        e = E w                           (De,)
        h = tanh(W e + U h + b)           (Dh,)
    return h                              the last state encodes the whole sentence

文は単語の並びで、各単語は長さ V（語彙数）の one-hot ベクトル w で表す。埋め込み行列
E (De, V) を掛けた e = E w は、単語 ID の位置にある E の列そのもの。エンコーダ RNN は
単語を順に読み、最後の隠れ状態 h に文全体の情報をまとめる。

This exercise keeps the column-vector form of the exam question (E.dot(w)), not the
row-vector form x @ W used elsewhere in the course.
この演習は試験問題と同じ列ベクトルの書き方（E.dot(w)）を使う。
"""
import numpy as np


def encode(words, E, W, U, b):
    """Encode a sentence into the last hidden state of a simple RNN.

    Inputs:
    - words: ndarray (n, V), one one-hot row per word (n may be 0: no words).
    - E: ndarray (De, V), the embedding matrix (column j = embedding of word j).
    - W: ndarray (Dh, De), weights from the embedding to the hidden state.
    - U: ndarray (Dh, Dh), weights from the previous hidden state.
    - b: ndarray (Dh,), bias.
    Do not modify the inputs.

    Returns:
    - h: ndarray (Dh,), the hidden state after the last word (zeros when there are no words).

    Hint: a one-hot column w picks a column of E: e = E.dot(w) has shape (De,).
    ヒント: one-hot の w を掛けると E の列が取り出される。e = E.dot(w) の形状は (De,)。
    """
    h = None
    ###########################################################################
    # TODO: start from h = 0 and apply the recurrence to every word in order. #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return h


def embedding_lookup(ids, E):
    """The embeddings of several words given by their ids.

    Inputs:
    - ids: n word ids, a Python list of ints or a 1-D int ndarray, each in [0, V).
    - E: ndarray (De, V), the embedding matrix; do not modify it.

    Returns:
    - ndarray (n, De): row k is the embedding of word ids[k], i.e. column ids[k] of E
      (the same as one-hot rows (n, V) multiplied by E.T).

    Example: E = [[0,1,2,3],[4,5,6,7],[8,9,10,11]], ids = [0, 2] -> [[0,4,8],[2,6,10]].
    Hint: E[:, ids] takes several columns at once.
    ヒント: E[:, ids] で複数の列をまとめて取り出せる。形状に注意。
    """
    vectors = None
    ###########################################################################
    # TODO: take the columns of E at ids, one row per id.                     #
    ###########################################################################

    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return vectors

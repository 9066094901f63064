# %% [markdown]
# # 本 notebook 正在编写中

# %%
print("placeholder")
